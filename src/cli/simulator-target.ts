import { ConfigError, loadConfig } from '../config.ts';

/** The simulator a simulated patient writes through, and what chose it (to name in an error). */
export interface SimulatorTarget {
  url: string;
  chosenBy: '--simulator-url' | 'PUBLIC_URL' | 'PORT' | 'the default port';
}

/**
 * An explicit `--simulator-url` wins; otherwise the simulator inside the Careline this environment
 * configures, reached the way `npm start` announces it: `$PUBLIC_URL/simulator`, else
 * `http://localhost:$PORT/simulator`. The `.env` file counts, as it does for `serve`.
 */
export function simulatorTarget(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): SimulatorTarget {
  if (flag !== undefined) return { url: withoutTrailingSlash(flag), chosenBy: '--simulator-url' };
  const config = loadConfig(env);
  if (config.simulator === 'off' || (config.simulator === 'demo' && !config.demoSeed)) {
    throw new ConfigError(
      'SIMULATOR is off in this environment, so Careline runs no simulator: pass --simulator-url',
    );
  }
  return {
    url: `${config.publicUrl}/simulator`,
    chosenBy: env.PUBLIC_URL ? 'PUBLIC_URL' : env.PORT ? 'PORT' : 'the default port',
  };
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
