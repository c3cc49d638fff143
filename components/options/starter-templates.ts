import { z } from 'zod';
import { i18n } from '#i18n';
import type { TemplateDraft } from '@/lib/model/template';
import { TEMPLATE_VARIABLES, TemplateVariable } from '@/lib/template-fill';

/** The starter texts name variables in braces, as the i18n library does: give them back as is. */
const AS_WRITTEN = z
  .record(TemplateVariable, z.string())
  .parse(Object.fromEntries(TEMPLATE_VARIABLES.map((name) => [name, `{${name}}`])));

/** A first set for a rep selling services, in the interface's language, ready to adjust. */
export function starterTemplates(): TemplateDraft[] {
  return [
    {
      name: i18n.t('templates.starter.connectionName'),
      body: i18n.t('templates.starter.connectionBody', AS_WRITTEN),
      statuses: ['new'],
    },
    {
      name: i18n.t('templates.starter.followUpName'),
      body: i18n.t('templates.starter.followUpBody', AS_WRITTEN),
      statuses: ['warm', 'lead'],
    },
    {
      name: i18n.t('templates.starter.thankYouName'),
      body: i18n.t('templates.starter.thankYouBody', AS_WRITTEN),
      statuses: [],
    },
    {
      name: i18n.t('templates.starter.referralName'),
      body: i18n.t('templates.starter.referralBody', AS_WRITTEN),
      statuses: ['client', 'partner'],
    },
  ];
}
