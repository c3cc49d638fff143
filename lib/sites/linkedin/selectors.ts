/**
 * Every LinkedIn selector the readers use, one alternative a line, tried in order.
 * Class names churn with each build, so structural and attribute hooks come first where
 * they exist; each line names the page variant it covers.
 */

/** The top card: the person's name, headline, location and photo. */
export const TOP_CARD = [
  'section.pv-top-card', // classic 2023-24 Ember markup
  'section[componentkey$="Topcard"]', // 2026 SDUI, hashed classes, key ends in "Topcard"
] as const;

/** Elements whose open shadow root may hold the top card. */
export const SHADOW_HOSTS = [
  '#interop-outlet', // 2026 web components: the card is rendered in this host's shadow root
  '[data-testid="interop-shadowdom"]', // same host, when the id changes
] as const;

/** The top card inside a shadow root, where it has no stable class. */
export const SHADOW_TOP_CARD = [
  'section', // 2026 web components: the first section holding a heading
] as const;

/** The name heading inside the top card. */
export const NAME_HEADING = [
  'h1', // classic 2023-24 (h1.text-heading-xlarge) and the 2026 shadow-root card
  'h2', // 2026 hashed classes: the name is an h2, the page has no h1
] as const;

/** The headline under the name. */
export const HEADLINE = [
  '.text-body-medium.break-words', // classic 2023-24
  'p.headline', // 2026 shadow-root card
] as const;

/** The location line, when it cannot be found next to the contact-info link. */
export const LOCATION = [
  '.pv-text-details__left-panel > span.text-body-small', // classic 2023-24
  '.loc', // 2026 shadow-root card
] as const;

/** The contact-info link sits at the end of the location line in every variant. */
export const CONTACT_INFO_LINK = 'a[href*="/overlay/contact-info/"]';

/** Overlay links of the top card (photo, contact info, about) point at the card's owner. */
export const OWNER_LINKS = 'a[href*="/in/"][href*="/overlay/"]';

/** The profile photo. */
export const AVATAR = [
  'img.pv-top-card-profile-picture__image', // classic 2023-24
  'a[href*="/overlay/photo/"] img', // 2026 hashed classes: the photo links to its overlay
  '.photo img', // 2026 shadow-root card
] as const;

/** Top-card links to the current employer (classic button label, 2026 link, shadow card). */
export const CURRENT_COMPANY = [
  '[aria-label^="Current company: "]', // classic 2023-24 and 2026 hashed: right-panel entry
  'a.org[href*="/company/"]', // 2026 shadow-root card
] as const;

/** The Message button carries the owner's URN: ?profileUrn=urn%3Ali%3Afsd_profile%3A… */
export const MESSAGE_LINK = 'a[href*="/messaging/compose/"][href*="profileUrn="]';

/** 2026 SDUI top cards: componentkey "com.linkedin.sdui.profile.card.ref<memberId>Topcard". */
export const SDUI_TOP_CARD_KEY = 'componentkey';

/** The anchor div LinkedIn places at the top of the Experience card (all variants). */
export const EXPERIENCE_ANCHOR_ID = 'experience';

/** One entry of a profile card list (a job, or a role nested in a company group). */
export const ENTITY = [
  '[data-view-name="profile-component-entity"]', // classic 2023-24 and 2026 hashed
  '.pvs-entity', // classic, when the data-view-name attribute is missing
] as const;

/** List items of profile cards; their id embeds the owner's member id. */
export const PAGED_LIST_ITEM = 'li[id^="profilePagedListComponent-"]';

/** "Show all N experiences" links to /in/<slug>/details/experience?profileUrn=… */
export const EXPERIENCE_DETAILS_LINK = 'a[href*="/details/experience"]';

/** Server-rendered API responses (bpr-guid blobs), JSON in the element's text. */
export const CODE_BLOBS = 'code';
