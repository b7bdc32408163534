import { agendaFr } from '../agenda/agenda.fr.ts';
import { authFr } from '../auth/auth.fr.ts';
import { broadcastsFr } from '../broadcasts/broadcasts.fr.ts';
import { careGroupsFr } from '../care-groups/care-groups.fr.ts';
import { groupsFr } from '../groups/groups.fr.ts';
import { inboxFr } from '../inbox/inbox.fr.ts';
import { patientsFr } from '../patients/patients.fr.ts';
import { pharmacyFr } from '../pharmacy/pharmacy.fr.ts';
import { phoneFr } from '../phone/phone.fr.ts';
import { reportsFr } from '../reports/reports.fr.ts';
import { sessionFr } from '../session/session.fr.ts';
import { auditFr } from '../settings/audit/audit.fr.ts';
import { channelsFr } from '../settings/channels/channels.fr.ts';
import { ehrFr } from '../settings/ehr/ehr.fr.ts';
import { exportsFr } from '../settings/exports/exports.fr.ts';
import { integrationsFr } from '../settings/integrations/integrations.fr.ts';
import { privacyFr } from '../settings/privacy/privacy.fr.ts';
import { settingsFr } from '../settings/settings.fr.ts';
import { commonFr } from '../ui/common.fr.ts';
import type { Messages } from './en.ts';

/** French, merged from each feature's texts, in the shape of the English. */
export const fr: Messages = {
  ...commonFr,
  ...authFr,
  ...sessionFr,
  ...inboxFr,
  ...agendaFr,
  ...settingsFr,
  ...auditFr,
  ...channelsFr,
  ...integrationsFr,
  ...privacyFr,
  ...ehrFr,
  ...exportsFr,
  ...phoneFr,
  ...reportsFr,
  ...broadcastsFr,
  ...patientsFr,
  ...groupsFr,
  ...careGroupsFr,
  ...pharmacyFr,
};
