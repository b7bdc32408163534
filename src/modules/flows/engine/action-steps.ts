import { nextOccurrence } from './clinic-time.ts';
import { evaluateCondition } from './evaluate-condition.ts';
import {
  clinicNow,
  emit,
  type FlowRun,
  goTo,
  renderScope,
  type StepOutcome,
  say,
  sayToStaff,
  scheduleTimer,
  scheduleTimerIn,
  send,
} from './flow-run.ts';
import { renderSend } from './render-send.ts';
import { renderTemplate } from './render-template.ts';
import type { StepOf } from './step.schema.ts';

/** Steps that act and move on at once, or end the session: no patient input is involved. */
export const actionSteps = {
  send(run: FlowRun, step: StepOf<'send'>): StepOutcome {
    send(
      run,
      renderSend(step.message, (text) => say(run, text)),
    );
    return goTo(step.next);
  },

  branch(run: FlowRun, step: StepOf<'branch'>): StepOutcome {
    const scope = {
      ...renderScope(run),
      channel: run.context.channel.kind,
      language: run.session.language,
      at: clinicNow(run),
      businessHours: run.context.org.businessHours,
    };
    const match = step.cases.find((c) => evaluateCondition(c.when, scope));
    return goTo(match?.next ?? step.else);
  },

  setField(run: FlowRun, step: StepOf<'set_field'>): StepOutcome {
    const value = renderTemplate(step.value, renderScope(run), run.session.language);
    run.contact.fields[step.field] = value;
    emit(run, { type: 'set_field', field: step.field, value });
    return goTo(step.next);
  },

  tag(run: FlowRun, step: StepOf<'add_tag' | 'remove_tag'>): StepOutcome {
    const tags = run.contact.tags.filter((tag) => tag !== step.tag);
    run.contact.tags.splice(
      0,
      run.contact.tags.length,
      ...(step.type === 'add_tag' ? [...tags, step.tag] : tags),
    );
    emit(run, { type: step.type, tag: step.tag });
    return goTo(step.next);
  },

  note(run: FlowRun, step: StepOf<'note'>): StepOutcome {
    emit(run, {
      type: 'add_note',
      text: sayToStaff(run, step.text),
      ...(step.medical ? { medical: true } : {}),
    });
    return goTo(step.next);
  },

  markUrgent(run: FlowRun, step: StepOf<'mark_urgent'>): StepOutcome {
    emit(run, { type: 'mark_urgent', ...(step.reason === undefined ? {} : { reason: step.reason }) });
    return goTo(step.next);
  },

  wait(run: FlowRun, step: StepOf<'wait'>): StepOutcome {
    if (step.until !== undefined) {
      scheduleTimer(run, nextOccurrence(run.context.now, run.context.org.timeZone, step.until));
    } else {
      scheduleTimerIn(run, step.minutes ?? 1);
    }
    return { kind: 'wait', status: 'waiting_timer' };
  },

  startFlow(run: FlowRun, step: StepOf<'start_flow'>): StepOutcome {
    emit(run, { type: 'start_flow', flowKey: step.flowKey });
    return { kind: 'end', status: 'completed' };
  },

  handoff(run: FlowRun, step: StepOf<'handoff'>): StepOutcome {
    const note = step.note === undefined ? '' : sayToStaff(run, step.note).trim();
    emit(run, {
      type: 'handoff',
      ...(step.reason === undefined ? {} : { reason: step.reason }),
      ...(note === '' ? {} : { note }),
      urgent: step.urgent ?? false,
    });
    return { kind: 'end', status: 'handed_off' };
  },

  close(run: FlowRun): StepOutcome {
    emit(run, { type: 'close_conversation' });
    return { kind: 'end', status: 'completed' };
  },
};
