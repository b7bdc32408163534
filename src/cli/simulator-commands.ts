import type { Command } from 'commander';
import { startSimulatorServer } from '../simulator/simulator-server.ts';
import { optionalSecret } from './secret-input.ts';
import { simulatorTarget } from './simulator-target.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** The WhatsApp simulator, standalone, and a patient's message through it. */
export function registerSimulatorCommands(program: Command): void {
  program
    .command('simulator')
    .description('Run the WhatsApp Cloud API simulator as its own server')
    .option('--port <port>', 'port to listen on', '4010')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--webhook-url <url>', 'Careline’s webhook URL, e.g. http://localhost:3000/webhooks/whatsapp')
    .option('--phone-number-id <id>', 'the business number to play (with the three options below)')
    .option('--access-token <token>', 'the token Careline will send (better: WHATSAPP_ACCESS_TOKEN)')
    .option('--app-secret <secret>', 'the secret to sign webhooks with (better: WHATSAPP_APP_SECRET)')
    .option('--waba-id <id>', 'WhatsApp Business Account id', '100000000000002')
    .option('--display-phone-number <digits>', 'the business number patients see', '33180000000')
    .action(
      async (o: {
        port: string;
        host: string;
        webhookUrl?: string;
        phoneNumberId?: string;
        accessToken?: string;
        appSecret?: string;
        wabaId: string;
        displayPhoneNumber: string;
      }) => {
        const accessToken = optionalSecret(
          { flag: '--access-token', env: 'WHATSAPP_ACCESS_TOKEN', label: 'access token' },
          o.accessToken,
        );
        const appSecret = optionalSecret(
          { flag: '--app-secret', env: 'WHATSAPP_APP_SECRET', label: 'app secret' },
          o.appSecret,
        );
        const numbers =
          o.phoneNumberId && accessToken && appSecret && o.webhookUrl
            ? [
                {
                  phoneNumberId: o.phoneNumberId,
                  accessToken,
                  appSecret,
                  webhookUrl: o.webhookUrl,
                  wabaId: o.wabaId,
                  displayPhoneNumber: o.displayPhoneNumber.replace(/^\+/, ''),
                },
              ]
            : [];
        const token = process.env.SIMULATOR_TOKEN || undefined;
        const running = await startSimulatorServer({
          port: Number(o.port),
          host: o.host,
          numbers,
          logger: true,
          // Its control API answers this machine, and others only with the token.
          ...(token ? { access: { token } } : {}),
        });
        say(
          `WhatsApp simulator on ${running.url} (Graph API and /_sim control API); ${numbers.length} number(s).`,
        );
        process.on('SIGINT', () => void running.close().then(() => process.exit(0)));
        process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
      },
    );

  program
    .command('simulate-patient')
    .description('Make a simulated patient send a WhatsApp message to the clinic')
    .requiredOption('--text <text>', 'what the patient writes')
    .option('--phone <e164>', 'the patient’s phone number', '+33612345678')
    .option('--name <name>', 'the patient’s WhatsApp profile name')
    .option('--bsuid <id>', 'a business-scoped user id (with --phoneless: a user without a phone)')
    .option('--phoneless', 'the patient has a username and no phone number')
    .option('--phone-number-id <id>', 'the clinic number to write to (default: the only one)')
    .option(
      '--simulator-url <url>',
      'the simulator (default: the one inside the Careline that PUBLIC_URL, else PORT, points to)',
    )
    .action(
      async (o: {
        text: string;
        phone: string;
        name?: string;
        bsuid?: string;
        phoneless?: boolean;
        phoneNumberId?: string;
        simulatorUrl?: string;
      }) => {
        const target = simulatorTarget(o.simulatorUrl);
        const body = {
          text: o.text,
          from: o.phone,
          ...(o.name ? { name: o.name } : {}),
          ...(o.bsuid ? { bsuid: o.bsuid } : {}),
          ...(o.phoneless ? { phoneless: true } : {}),
          ...(o.phoneNumberId ? { phoneNumberId: o.phoneNumberId } : {}),
        };
        let response: Response;
        try {
          const token = process.env.SIMULATOR_TOKEN;
          response = await fetch(`${target.url}/_sim/patient-messages`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            body: JSON.stringify(body),
          });
        } catch {
          throw new Error(
            `No simulator answers at ${target.url} (from ${target.chosenBy}): is Careline running (npm start)?`,
          );
        }
        const answer = (await response.json().catch(() => ({}))) as { wamid?: string; httpStatus?: number };
        if (!response.ok) {
          throw new Error(`the simulator at ${target.url} refused: ${JSON.stringify(answer)}`);
        }
        say(
          `Sent ${answer.wamid} from ${o.phoneless ? 'a phoneless user' : o.phone}; Careline answered HTTP ${answer.httpStatus}.`,
        );
      },
    );
}
