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

/** "View in Sales Navigator" in the top card: the owner's lead page, /sales/lead/<id>,…. */
export const SALES_NAV_LEAD_LINK = [
  'a[href*="/sales/lead/"]', // top-card button shown to members with Sales Navigator
  'a[href*="/sales/people/"]', // the same button with the older path
] as const;

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

/* Messaging: an open conversation at /messaging/thread/<id>/. */

/** The open conversation pane, not the inbox list beside it nor the overlay bubbles. */
export const THREAD = [
  '.msg-convo-wrapper', // 2025-26 full-page messaging (msg-s-* BEM classes)
  'main .msg-thread', // same pane when the wrapper class is missing
] as const;

/** The title bar above the messages: the partner's name, or a group's label. */
export const THREAD_TITLE_BAR = [
  '.msg-title-bar', // 2025-26 full-page messaging
] as const;

/** The header link to a 1:1 or InMail partner's profile. */
export const THREAD_PROFILE_LINK = [
  'a.msg-thread__link-to-profile', // 2025-26 title bar of 1:1 and InMail threads
  '.msg-s-profile-card a[href*="/in/"]', // 2025-26 profile card above the first message
] as const;

/** The name heading in the title bar (a person in 1:1 threads, a label in groups). */
export const THREAD_TITLE = [
  '.msg-entity-lockup__entity-title', // 2025-26 title bar
  '.artdeco-entity-lockup__title', // title bar without the msg-entity class
] as const;

/** Badges next to the name ("InMail", "Sponsored"); never part of a name. */
export const THREAD_BADGE = '.msg-inmail-badge';

/** Screen-reader copies of text ("View …’s profile", "… sent the following message"). */
export const HIDDEN_TEXT = '.visually-hidden, .a11y-text';

/** People in the (often hidden) participant list of a conversation. */
export const PARTICIPANT = [
  '.msg-thread-participants__item', // 2025-26 group threads: section.msg-thread-participants
] as const;

/** The viewer's own row in the participant list, marked "(You)". */
export const PARTICIPANT_SELF = '.msg-thread-participants__item--self';

/** Avatars of the other people in a group's title bar (names in alt, no links). */
export const FACEPILE_PERSON = [
  '.msg-facepile-grid__img--person', // 2025-26 group title bar
] as const;

/** A day heading in the message list ("Jun 12", "Tuesday", "Yesterday", "Today"). */
export const DAY_HEADING = [
  '.msg-s-message-list__time-heading', // 2025-26 message list
] as const;

/** One message. Its class list says whether someone else sent it. */
export const MESSAGE_EVENT = [
  '.msg-s-event-listitem', // 2025-26 message list
] as const;

/** The class LinkedIn puts on messages the viewer did not send. */
export const INBOUND_CLASS = 'msg-s-event-listitem--other';

/** A run of messages by one sender; only its first message has the meta line. */
export const MESSAGE_GROUP = '.msg-s-message-group';

/** Sender and time of a run's first message. */
export const GROUP_META = '.msg-s-message-group__meta';

/** The sender's name link in the meta line. */
export const SENDER_NAME = [
  '.msg-s-message-group__name', // 2025-26 meta line
  '.msg-s-message-group__profile-link', // same link without the name class
] as const;

/** The clock time in the meta line ("11:16 AM"). */
export const SENDER_TIME = '.msg-s-message-group__timestamp';

/** The avatar link of a message, pointing at its sender. */
export const EVENT_AVATAR_LINK = 'a.msg-s-event-listitem__link';

/** The text of a message (attachments and link previews sit beside it). */
export const MESSAGE_BODY = [
  '.msg-s-event-listitem__body', // 2025-26 message bubble
] as const;

/** An InMail's subject line, on its first message or in the reply form. */
export const MESSAGE_SUBJECT = [
  '.msg-s-event-listitem__subject', // 2025-26 InMail message bubble
] as const;
export const SUBJECT_INPUT = 'input[name="subject"]';

/** The viewer's own profile link in the global navigation's Me menu. */
export const VIEWER_LINK = [
  '.global-nav__me-content a[href*="/in/"]', // 2024-26 Me menu (rendered hidden)
  '.global-nav__me a[href*="/in/"]', // Me menu without the content wrapper
] as const;

/** The viewer's photo in the global navigation; its alt is the viewer's name. */
export const VIEWER_PHOTO = [
  'img.global-nav__me-photo', // 2024-26 global navigation
] as const;

/** The box where the rep writes a reply; Rapport only fills it when the rep asks. */
export const MESSAGE_BOX = [
  '.msg-form__contenteditable[contenteditable="true"]', // 2025-26 full-page messaging
  'form.msg-form [role="textbox"][contenteditable="true"]', // same form, other class names
] as const;
