/** Who changed a clinic's set-up: a signed-in person or API key (`rest`), or an operator's command (`cli`). */
export interface ChangeActor {
  via: 'rest' | 'cli';
  userId: string | null;
  apiKeyId: string | null;
  role: string;
  /** The caller's address, or `local` for a command run on the server. */
  network: string;
  reason: string | null;
}
