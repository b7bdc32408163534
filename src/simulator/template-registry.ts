import { type RandomSource, randomDigits } from './random-source.ts';
import { SimulatorError } from './simulator-error.ts';
import { type Template, type TemplateInput, templateInputSchema } from './template.schema.ts';

export interface TemplateChange {
  template: Template;
  /** The status before the upsert; undefined for a new template. */
  previousStatus?: Template['status'];
  reason?: string;
}

export interface TemplatePage {
  templates: Template[];
  before?: string;
  after?: string;
  hasMore: boolean;
}

/** The message templates of each WhatsApp Business Account, in creation order. */
export class TemplateRegistry {
  readonly #byWaba = new Map<string, Map<string, Template>>();
  readonly #random: RandomSource;

  constructor(random: RandomSource) {
    this.#random = random;
  }

  upsert(input: TemplateInput): TemplateChange {
    const parsed = templateInputSchema.safeParse(input);
    if (!parsed.success) throw SimulatorError.fromZod(parsed.error);
    const { reason, ...fields } = parsed.data;
    const templates = this.#templatesOf(fields.wabaId);
    const existing =
      (fields.id === undefined ? undefined : templates.get(fields.id)) ??
      [...templates.values()].find((t) => t.name === fields.name && t.language === fields.language);
    const id = existing?.id ?? fields.id ?? this.#newId();
    const template: Template = { ...fields, id };
    templates.set(id, template);
    return {
      template,
      ...(existing ? { previousStatus: existing.status } : {}),
      ...(reason === undefined ? {} : { reason }),
    };
  }

  /** Changes only the status, as Meta's review does. */
  setStatus(wabaId: string, id: string, status: Template['status'], reason?: string): TemplateChange {
    const template = this.#templatesOf(wabaId).get(id);
    if (!template)
      throw new SimulatorError('unknown_template', 'templateId', `no template '${id}' in WABA '${wabaId}'`);
    const previousStatus = template.status;
    template.status = status;
    return { template, previousStatus, ...(reason === undefined ? {} : { reason }) };
  }

  delete(wabaId: string, id: string): boolean {
    return this.#templatesOf(wabaId).delete(id);
  }

  list(wabaId: string): Template[] {
    return [...this.#templatesOf(wabaId).values()];
  }

  find(wabaId: string, name: string, language: string): Template | undefined {
    return this.list(wabaId).find((template) => template.name === name && template.language === language);
  }

  /** A page in Graph's cursor style: `after` is the cursor of the last template returned. */
  page(wabaId: string, options: { limit: number; after?: string; before?: string }): TemplatePage {
    const all = this.list(wabaId);
    let start = 0;
    let end = all.length;
    if (options.after !== undefined) start = all.findIndex((t) => cursorOf(t) === options.after) + 1;
    if (options.before !== undefined)
      end = Math.max(
        0,
        all.findIndex((t) => cursorOf(t) === options.before),
      );
    const templates =
      options.before !== undefined
        ? all.slice(Math.max(0, end - options.limit), end)
        : all.slice(start, start + options.limit);
    const first = templates[0];
    const last = templates.at(-1);
    const lastIndex = last ? all.indexOf(last) : all.length;
    return {
      templates,
      ...(first ? { before: cursorOf(first) } : {}),
      ...(last ? { after: cursorOf(last) } : {}),
      hasMore: lastIndex < all.length - 1,
    };
  }

  #templatesOf(wabaId: string): Map<string, Template> {
    let templates = this.#byWaba.get(wabaId);
    if (!templates) {
      templates = new Map();
      this.#byWaba.set(wabaId, templates);
    }
    return templates;
  }

  /** 15 digits: template ids travel as JSON numbers in webhooks and must stay exact. */
  #newId(): string {
    return randomDigits(this.#random, 15);
  }
}

function cursorOf(template: Template): string {
  return Buffer.from(`template:${template.id}`).toString('base64url');
}
