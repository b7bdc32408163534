import { z } from 'zod';
import { flowDefinitionSchema, formatFlowIssue, validateFlow } from '../engine/index.ts';
import { flowTriggerSchema } from '../flow-trigger.schema.ts';

export { type FlowTrigger, flowTriggerSchema } from '../flow-trigger.schema.ts';

/**
 * A flow Careline installs in every clinic, with how it starts. The host copies it into the clinic's
 * flows, where admins may edit it afterwards; `key` is both the flow's key and the built-in's name.
 */
export const builtInFlowSchema = z
  .strictObject({
    // No hyphen: a `start_flow` step names flows with letters, digits and _ only.
    key: z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a key of lower-case letters, digits or _'),
    definition: flowDefinitionSchema,
    triggers: z.array(flowTriggerSchema).min(1, 'must hold at least one trigger'),
    /** Lower wins when the triggers of several flows match the same message. */
    priority: z.int().min(0, 'must be ≥ 0').max(10_000, 'must be ≤ 10000'),
    oncePerContact: z.boolean(),
    enabled: z.boolean(),
  })
  .superRefine((flow, ctx) => {
    if (flow.definition.key !== flow.key) {
      ctx.addIssue({ code: 'custom', path: ['definition', 'key'], message: `must be ${flow.key}` });
    }
    // The shape is checked above; what only the whole flow can tell (steps that point nowhere) is here.
    const validation = validateFlow(flow.definition);
    if (!validation.ok) {
      for (const issue of validation.issues) {
        ctx.addIssue({ code: 'custom', path: ['definition'], message: formatFlowIssue(issue) });
      }
    }
  });

export type BuiltInFlow = z.infer<typeof builtInFlowSchema>;
