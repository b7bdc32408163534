/**
 * What one reader may see of the inbox: medical notes or not, every conversation or only those of a
 * person's teams (agentsSeeOnlyTheirTeams). Built from the caller by readerScopeOf (access-guard.ts);
 * the inbox and search apply it to their queries.
 */
export interface ReaderScope {
  seesMedical: boolean;
  /** The person whose teams' and own conversations are the only ones visible. */
  onlyTeamsOf?: string;
}

/** Everything: the clinic's integrations, administrators, and Careline's own work. */
export const WHOLE_CLINIC: ReaderScope = { seesMedical: true };
