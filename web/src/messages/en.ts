import { agendaEn } from '../agenda/agenda.en.ts';
import { authEn } from '../auth/auth.en.ts';
import { broadcastsEn } from '../broadcasts/broadcasts.en.ts';
import { careGroupsEn } from '../care-groups/care-groups.en.ts';
import { groupsEn } from '../groups/groups.en.ts';
import { inboxEn } from '../inbox/inbox.en.ts';
import { patientsEn } from '../patients/patients.en.ts';
import { pharmacyEn } from '../pharmacy/pharmacy.en.ts';
import { phoneEn } from '../phone/phone.en.ts';
import { reportsEn } from '../reports/reports.en.ts';
import { sessionEn } from '../session/session.en.ts';
import { auditEn } from '../settings/audit/audit.en.ts';
import { channelsEn } from '../settings/channels/channels.en.ts';
import { ehrEn } from '../settings/ehr/ehr.en.ts';
import { exportsEn } from '../settings/exports/exports.en.ts';
import { integrationsEn } from '../settings/integrations/integrations.en.ts';
import { privacyEn } from '../settings/privacy/privacy.en.ts';
import { settingsEn } from '../settings/settings.en.ts';
import { commonEn } from '../ui/common.en.ts';

/**
 * English, merged from each feature's texts (`inbox/inbox.en.ts`, `agenda/agenda.en.ts`…): the source of
 * every key; fr.ts merges the same features, each typed by its English shape.
 */
export const en = {
  ...commonEn,
  ...authEn,
  ...sessionEn,
  ...inboxEn,
  ...agendaEn,
  ...settingsEn,
  ...auditEn,
  ...channelsEn,
  ...integrationsEn,
  ...privacyEn,
  ...ehrEn,
  ...exportsEn,
  ...phoneEn,
  ...reportsEn,
  ...broadcastsEn,
  ...patientsEn,
  ...groupsEn,
  ...careGroupsEn,
  ...pharmacyEn,
};

export type Messages = typeof en;
