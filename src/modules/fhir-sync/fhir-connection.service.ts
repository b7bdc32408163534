import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { FhirCredentials } from './fhir-client.ts';
import { findConnection, saveConnection } from './fhir-sync.repository.ts';
import type { FhirAuthKind, FhirConnectionRow } from './fhir-sync.schema.ts';

const SECRETS_PURPOSE = 'fhir_connections.secrets';
export const DEFAULT_SCOPE =
  'system/Patient.rs system/Practitioner.rs system/Appointment.cruds system/Communication.cu';
export const KEY_ALGORITHMS = ['ES384', 'RS384'] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

interface ConnectionSecrets {
  token?: string;
  privateJwk?: JWK;
}

/** What an administrator sees of the connection: never the token nor the private key. */
export interface FhirConnectionView {
  baseUrl: string;
  authKind: FhirAuthKind;
  clientId: string | null;
  scope: string;
  enabled: boolean;
  importIntervalMinutes: number;
  hasBearerToken: boolean;
  /** The public keys to register in the EHR (a JWKS), once a key pair was made. */
  jwks: { keys: JWK[] };
  updatedAt: Date;
}

export interface FhirConnectionInput {
  baseUrl: string;
  authKind: FhirAuthKind;
  /** Kept as it is when left out. */
  bearerToken?: string;
  clientId?: string | null;
  scope?: string | null;
  enabled: boolean;
  importIntervalMinutes: number;
}

export class FhirConnectionError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'FhirConnectionError';
    this.field = field;
  }
}

export async function fhirConnectionView(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
): Promise<FhirConnectionView | undefined> {
  const row = await findConnection(db, orgId);
  return row === undefined ? undefined : viewOf(row, await openSecrets(db, keyring, row));
}

/**
 * Saves the clinic's EHR settings. A bearer token is needed once (then kept until replaced); SMART
 * needs a client id, and a key pair is made for it when there is none yet (ES384).
 */
export async function saveFhirConnection(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  input: FhirConnectionInput,
  now: Date,
): Promise<FhirConnectionView> {
  const existing = await findConnection(db, orgId);
  const secrets: ConnectionSecrets = existing ? await openSecrets(db, keyring, existing) : {};
  if (input.bearerToken !== undefined) secrets.token = input.bearerToken;
  if (input.authKind === 'bearer' && !secrets.token)
    throw new FhirConnectionError('body.bearer_token', 'is required to use a bearer token');
  if (input.authKind === 'smart' && !input.clientId)
    throw new FhirConnectionError('body.client_id', 'is required for SMART Backend Services');
  let publicJwk = existing?.publicJwk ?? null;
  if (input.authKind === 'smart' && !secrets.privateJwk) {
    const pair = await newKeyPair('ES384');
    secrets.privateJwk = pair.privateJwk;
    publicJwk = JSON.stringify(pair.publicJwk);
  }
  const row = await saveConnection(db, {
    orgId,
    baseUrl: input.baseUrl.replace(/\/+$/, ''),
    authKind: input.authKind,
    clientId: input.clientId ?? null,
    scope: input.scope ?? null,
    secrets: (await keyring.clinic(db, orgId)).seal(JSON.stringify(secrets), SECRETS_PURPOSE),
    publicJwk,
    enabled: input.enabled,
    importIntervalMinutes: input.importIntervalMinutes,
    updatedAt: now,
  });
  return viewOf(row, secrets);
}

/** Replaces the SMART key pair: the EHR must be given the new public key (the old one stops working). */
export async function rotateFhirKey(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  algorithm: KeyAlgorithm,
  now: Date,
): Promise<FhirConnectionView | undefined> {
  const existing = await findConnection(db, orgId);
  if (!existing) return undefined;
  const secrets = await openSecrets(db, keyring, existing);
  const pair = await newKeyPair(algorithm);
  secrets.privateJwk = pair.privateJwk;
  const row = await saveConnection(db, {
    ...existing,
    secrets: (await keyring.clinic(db, orgId)).seal(JSON.stringify(secrets), SECRETS_PURPOSE),
    publicJwk: JSON.stringify(pair.publicJwk),
    updatedAt: now,
  });
  return viewOf(row, secrets);
}

/** How to sign in to the clinic's server, secrets opened; undefined when they are incomplete. */
export async function fhirCredentialsOf(
  db: DbOrTx,
  keyring: Keyring,
  row: FhirConnectionRow,
): Promise<FhirCredentials | undefined> {
  const secrets = await openSecrets(db, keyring, row);
  if (row.authKind === 'bearer') return secrets.token ? { kind: 'bearer', token: secrets.token } : undefined;
  if (!secrets.privateJwk || !row.clientId) return undefined;
  return {
    kind: 'smart',
    clientId: row.clientId,
    scope: row.scope ?? DEFAULT_SCOPE,
    privateJwk: secrets.privateJwk,
  };
}

async function openSecrets(db: DbOrTx, keyring: Keyring, row: FhirConnectionRow): Promise<ConnectionSecrets> {
  if (row.secrets === null) return {};
  const text = (await keyring.opener(db, row.orgId, [row.secrets])).open(row.secrets, SECRETS_PURPOSE);
  return text === null ? {} : (JSON.parse(text) as ConnectionSecrets);
}

async function newKeyPair(algorithm: KeyAlgorithm): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  const kid = randomUUID();
  const common = { kid, alg: algorithm, use: 'sig' };
  return {
    privateJwk: { ...(await exportJWK(privateKey)), ...common },
    publicJwk: { ...(await exportJWK(publicKey)), ...common, key_ops: ['verify'] },
  };
}

function viewOf(row: FhirConnectionRow, secrets: ConnectionSecrets): FhirConnectionView {
  return {
    baseUrl: row.baseUrl,
    authKind: row.authKind,
    clientId: row.clientId,
    scope: row.scope ?? DEFAULT_SCOPE,
    enabled: row.enabled,
    importIntervalMinutes: row.importIntervalMinutes,
    hasBearerToken: Boolean(secrets.token),
    jwks: { keys: row.publicJwk ? [JSON.parse(row.publicJwk) as JWK] : [] },
    updatedAt: row.updatedAt,
  };
}
