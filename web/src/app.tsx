import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AgendaCalendar } from './agenda/agenda-calendar.tsx';
import { AgendaPage } from './agenda/agenda-page.tsx';
import { ReminderReportPage } from './agenda/reminder-report.tsx';
import { ApiError } from './api/http-client.ts';
import { LoginPage } from './auth/login-page.tsx';
import { RequirePermission, RoleHome } from './auth/require-permission.tsx';
import { RequireSession } from './auth/require-session.tsx';
import { BroadcastComposer } from './broadcasts/broadcast-composer.tsx';
import { BroadcastDetail } from './broadcasts/broadcast-detail.tsx';
import { BroadcastsPage } from './broadcasts/broadcasts-page.tsx';
import { CareGroupsPage } from './care-groups/care-groups-page.tsx';
import { GroupsPage } from './groups/groups-page.tsx';
import { InboxPage } from './inbox/inbox-page.tsx';
import { RedFlagAlerts } from './inbox/safety/red-flag-alerts.tsx';
import { DuplicatesPage } from './patients/duplicates-page.tsx';
import { PharmacyOrdersPage } from './pharmacy/pharmacy-orders-page.tsx';
import { StockNoticesPage } from './pharmacy/stock-notices-page.tsx';
import { PhonePage } from './phone/phone-page.tsx';
import { ReportsPage } from './reports/reports-page.tsx';
import { SessionProvider } from './session/session-context.tsx';
import { AlertsPage } from './settings/alerts/alerts-page.tsx';
import { AccessReasonModal } from './settings/audit/access-reason-modal.tsx';
import { AuditPage } from './settings/audit/audit-page.tsx';
import { AutomationPage } from './settings/automation/automation-page.tsx';
import { FlowJsonPage } from './settings/automation/flow-json-page.tsx';
import { FlowPage } from './settings/automation/flow-page.tsx';
import { ChannelsPage } from './settings/channels/channels-page.tsx';
import { EhrPage } from './settings/ehr/ehr-page.tsx';
import { ExportsPage } from './settings/exports/exports-page.tsx';
import { IntegrationsPage } from './settings/integrations/integrations-page.tsx';
import { PharmaciesPage } from './settings/pharmacies/pharmacies-page.tsx';
import { PrivacyPage } from './settings/privacy/privacy-page.tsx';
import { RemindersPage } from './settings/reminders/reminders-page.tsx';
import { SafetyPage } from './settings/safety/safety-page.tsx';
import { SavedRepliesPage } from './settings/saved-replies/saved-replies-page.tsx';
import { SecurityPage } from './settings/security/security-page.tsx';
import { SettingsHome, SettingsPage } from './settings/settings-page.tsx';
import { StaffPage } from './settings/staff/staff-page.tsx';
import { TeamsPage } from './settings/teams/teams-page.tsx';
import { NotFoundPage } from './ui/not-found-page.tsx';
import { theme } from './ui/theme.ts';
import { ToastProvider } from './ui/toasts.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      // A missing route or a refusal will not change by asking again; a network blip might.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <AccessReasonModal />
          <BrowserRouter>
            <SessionProvider>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/phone" element={<PhonePage />} />
                <Route element={<RequireSession background={<RedFlagAlerts />} />}>
                  <Route path="/" element={<RoleHome />} />
                  <Route element={<RequirePermission permission="conversations.read" />}>
                    <Route path="/inbox" element={<InboxPage />} />
                    <Route path="/inbox/groups" element={<CareGroupsPage />} />
                    <Route path="/inbox/groups/:groupId" element={<CareGroupsPage />} />
                    <Route path="/inbox/:conversationId" element={<InboxPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="appointments.read" />}>
                    <Route path="/agenda" element={<AgendaPage />}>
                      <Route index element={<AgendaCalendar />} />
                      <Route element={<RequirePermission permission="reports.read" />}>
                        <Route path="report" element={<ReminderReportPage />} />
                      </Route>
                    </Route>
                  </Route>
                  <Route element={<RequirePermission permission="reports.read" />}>
                    <Route path="/reports" element={<ReportsPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="groups.manage" />}>
                    <Route path="/groups" element={<GroupsPage />} />
                  </Route>
                  <Route element={<RequirePermission permission="broadcasts.manage" />}>
                    <Route path="/broadcasts" element={<BroadcastsPage />} />
                    <Route path="/broadcasts/new" element={<BroadcastComposer />} />
                    <Route path="/broadcasts/:broadcastId" element={<BroadcastDetail />} />
                  </Route>
                  <Route element={<RequirePermission permission="prescriptions.read" />}>
                    <Route path="/stock-notices" element={<StockNoticesPage />} />
                    <Route path="/pharmacy/orders" element={<PharmacyOrdersPage />} />
                  </Route>
                  <Route path="/settings" element={<SettingsPage />}>
                    <Route index element={<SettingsHome />} />
                    <Route path="staff" element={<StaffPage />} />
                    <Route path="teams" element={<TeamsPage />} />
                    <Route path="channels" element={<ChannelsPage />} />
                    <Route path="saved-replies" element={<SavedRepliesPage />} />
                    <Route path="automation" element={<AutomationPage />} />
                    <Route path="automation/:key" element={<FlowPage />} />
                    <Route path="automation/:key/json" element={<FlowJsonPage />} />
                    <Route path="reminders" element={<RemindersPage />} />
                    <Route path="safety" element={<SafetyPage />} />
                    <Route path="privacy" element={<PrivacyPage />} />
                    <Route path="ehr" element={<EhrPage />} />
                    <Route path="exports" element={<ExportsPage />} />
                    <Route path="pharmacies" element={<PharmaciesPage />} />
                    <Route path="alerts" element={<AlertsPage />} />
                    <Route path="integrations" element={<IntegrationsPage />} />
                    <Route path="security" element={<SecurityPage />} />
                    <Route path="audit" element={<AuditPage />} />
                    <Route element={<RequirePermission permission="contacts.read" />}>
                      <Route path="duplicates" element={<DuplicatesPage />} />
                    </Route>
                  </Route>
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </SessionProvider>
          </BrowserRouter>
        </ToastProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
