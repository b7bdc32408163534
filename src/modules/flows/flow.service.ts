import type { DbOrTx } from '../../platform/db/db.ts';
import { type FlowDefinition, type FlowIssue, validateFlow } from './engine/index.ts';
import {
  findFlowByKey,
  findFlowVersion,
  insertFlowIfKeyFree,
  insertFlowVersion,
  listFlowsOfOrg,
  listFlowVersions,
  lockFlow,
  updateFlow,
} from './flow.repository.ts';
import type { Flow, FlowVersion } from './flow.schema.ts';
import type { FlowTrigger } from './flow-trigger.schema.ts';
import { BUILT_IN_FLOWS } from './library/index.ts';

// What other modules may read or change here: they call this service, never the repository.
export { lockLiveSession, updateSession } from './flow.repository.ts';

/** The flow cannot be saved as it is: each issue names where (`steps.ask_age.maxAttempts`). */
export class FlowValidationError extends Error {
  readonly issues: FlowIssue[];

  constructor(issues: FlowIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.issues = issues;
    this.name = 'FlowValidationError';
  }
}

export class FlowNotFoundError extends Error {
  constructor() {
    super('flow not found');
    this.name = 'FlowNotFoundError';
  }
}

export class DuplicateFlowKeyError extends Error {
  readonly key: string;

  constructor(key: string) {
    super(`the clinic already has a flow ${key}`);
    this.key = key;
    this.name = 'DuplicateFlowKeyError';
  }
}

export interface FlowWithDefinition {
  flow: Flow;
  definition: FlowDefinition;
}

export interface NewFlow {
  key: string;
  definition: unknown;
  triggers: FlowTrigger[];
  priority?: number;
  oncePerContact?: boolean;
  enabled?: boolean;
  builtIn?: string;
}

/** Creates a flow with its first version; the definition's key and version are the flow's. */
export async function createFlow(
  db: DbOrTx,
  orgId: string,
  input: NewFlow,
  authorUserId: string | null = null,
): Promise<FlowWithDefinition> {
  const definition = checkedDefinition(input.definition, input.key, 1);
  return db.transaction(async (tx) => {
    const flow = await insertFlowIfKeyFree(tx, {
      orgId,
      key: input.key,
      triggers: input.triggers,
      priority: input.priority ?? 100,
      oncePerContact: input.oncePerContact ?? false,
      enabled: input.enabled ?? true,
      currentVersion: 1,
      builtIn: input.builtIn ?? null,
    });
    if (!flow) throw new DuplicateFlowKeyError(input.key);
    await insertFlowVersion(tx, {
      orgId,
      flowId: flow.id,
      version: 1,
      definition,
      createdByUserId: authorUserId,
    });
    return { flow, definition };
  });
}

/**
 * Publishes a new version of a flow. Sessions already running stay on the version they started with;
 * new sessions take this one.
 */
export async function publishFlowVersion(
  db: DbOrTx,
  orgId: string,
  key: string,
  definition: unknown,
  authorUserId: string | null,
  now: Date,
): Promise<FlowWithDefinition> {
  return db.transaction(async (tx) => {
    const current = await findFlowByKey(tx, orgId, key);
    const flow = current ? await lockFlow(tx, orgId, current.id) : undefined;
    if (!flow) throw new FlowNotFoundError();
    const version = flow.currentVersion + 1;
    const checked = checkedDefinition(definition, key, version);
    await insertFlowVersion(tx, {
      orgId,
      flowId: flow.id,
      version,
      definition: checked,
      createdByUserId: authorUserId,
    });
    const updated = await updateFlow(tx, orgId, flow.id, { currentVersion: version }, now);
    if (!updated) throw new FlowNotFoundError();
    return { flow: updated, definition: checked };
  });
}

export interface FlowSettingsChange {
  enabled?: boolean;
  triggers?: FlowTrigger[];
  priority?: number;
  oncePerContact?: boolean;
}

export async function changeFlowSettings(
  db: DbOrTx,
  orgId: string,
  key: string,
  change: FlowSettingsChange,
  now: Date,
): Promise<FlowWithDefinition> {
  const flow = await findFlowByKey(db, orgId, key);
  if (!flow) throw new FlowNotFoundError();
  const updated = Object.keys(change).length > 0 ? await updateFlow(db, orgId, flow.id, change, now) : flow;
  if (!updated) throw new FlowNotFoundError();
  return { flow: updated, definition: await definitionOf(db, updated, updated.currentVersion) };
}

export async function listFlows(db: DbOrTx, orgId: string): Promise<FlowWithDefinition[]> {
  const rows = await listFlowsOfOrg(db, orgId);
  return Promise.all(
    rows.map(async (flow) => ({ flow, definition: await definitionOf(db, flow, flow.currentVersion) })),
  );
}

export async function getFlow(
  db: DbOrTx,
  orgId: string,
  key: string,
): Promise<FlowWithDefinition & { versions: FlowVersion[] }> {
  const flow = await findFlowByKey(db, orgId, key);
  if (!flow) throw new FlowNotFoundError();
  const versions = await listFlowVersions(db, orgId, flow.id);
  return { flow, definition: await definitionOf(db, flow, flow.currentVersion), versions };
}

/** A stored version as the engine runs it; stored versions were validated when they were saved. */
export async function definitionOf(db: DbOrTx, flow: Flow, version: number): Promise<FlowDefinition> {
  const row = await findFlowVersion(db, flow.orgId, flow.id, version);
  if (!row) throw new Error(`flow ${flow.key} has no version ${version}`);
  const checked = validateFlow(row.definition);
  if (!checked.ok) throw new FlowValidationError(checked.issues);
  return checked.flow;
}

function checkedDefinition(input: unknown, key: string, version: number): FlowDefinition {
  // The stored key and version are the flow's, whatever the edited JSON says: a copied flow keeps working.
  const withIdentity = typeof input === 'object' && input !== null ? { ...input, key, version } : input;
  const checked = validateFlow(withIdentity);
  if (!checked.ok) throw new FlowValidationError(checked.issues);
  return checked.flow;
}

/**
 * Installs Careline's built-in flows (FAQ menu, symptom intake, non-urgent question, satisfaction survey)
 * in a clinic, each as an editable flow of its own. A flow the clinic already has is left as it is.
 */
export async function installBuiltInFlows(db: DbOrTx, orgId: string): Promise<string[]> {
  const installed: string[] = [];
  for (const builtIn of BUILT_IN_FLOWS) {
    if (await findFlowByKey(db, orgId, builtIn.key)) continue;
    await createFlow(db, orgId, {
      key: builtIn.key,
      definition: builtIn.definition,
      triggers: builtIn.triggers,
      priority: builtIn.priority,
      oncePerContact: builtIn.oncePerContact,
      enabled: builtIn.enabled,
      builtIn: builtIn.key,
    });
    installed.push(builtIn.key);
  }
  return installed;
}
