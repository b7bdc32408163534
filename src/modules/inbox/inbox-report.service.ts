// What other modules may read of the inbox for reports: they call this service, never the repository.
export {
  conversationsOfTeam,
  type DurationFigures,
  firstResponseFigures,
  messageVolume,
  outboundMessageFacts,
  outboundMessageOutcomes,
  type ReportScope,
  resolutionFigures,
  type VolumeRow,
} from './inbox-report.repository.ts';
