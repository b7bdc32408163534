import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../api/describe-error.ts';
import { flowName } from '../../api/flow-names.ts';
import type { FlowDetails, FlowLanguage } from '../../api/flow-types.ts';
import { flowKeys, flowsApi } from '../../api/flows-api.ts';
import { useNotify } from '../../ui/toasts.tsx';
import { type DefinitionIssue, definitionIssuesOf, issuesByStep } from './definition-issues.ts';
import { type FlowOutline, flowOutline } from './flow-outline.ts';
import { isRecord } from './json-reading.ts';
import { type JsonReading, lineAndColumn, readJson, spanOf } from './json-scan.ts';
import { useStoreFlow } from './use-flow-cache.ts';

/** Why Careline did not send the JSON at all. */
export type Refusal = 'syntax' | 'notObject' | null;

export interface JsonDraft {
  text: string;
  setText(text: string): void;
  /** The text as last read (a moment behind typing). */
  reading: JsonReading;
  /** The outline of the last text that was JSON, so the preview never goes blank while typing. */
  outline: FlowOutline;
  refusal: Refusal;
  /** What the server found wrong at the last publication, each where it is. */
  issues: DefinitionIssue[] | null;
  issuesByStep: Map<string, DefinitionIssue[]>;
  /** Any other reason the last publication failed (no right, no network…). */
  failure: string | null;
  publishing: boolean;
  publish(): void;
  format(): void;
  editor: RefObject<HTMLTextAreaElement | null>;
  /** Where the caret is, 1-based, for the status line. */
  caret: { line: number; column: number };
  trackCaret(): void;
  /** Selects characters of the text in the editor and scrolls them into view. */
  showOffset(start: number, end?: number): void;
  /** Selects the value a path names (`steps.menu.maxAttempts`), or its closest parent. */
  showPath(path: string): void;
}

/** The state of the JSON editor: the text, what it reads as, and publishing it as a new version. */
export function useJsonDraft(flow: FlowDetails, language: FlowLanguage): JsonDraft {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const navigate = useNavigate();
  const storeFlow = useStoreFlow();
  const editor = useRef<HTMLTextAreaElement | null>(null);
  const [text, setText] = useState(() => JSON.stringify(flow.definition, null, 2));
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [issues, setIssues] = useState<DefinitionIssue[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [caret, setCaret] = useState({ line: 1, column: 1 });
  const trackCaret = () => {
    const element = editor.current;
    if (element) setCaret(lineAndColumn(element.value, element.selectionStart));
  };

  const deferredText = useDeferredValue(text);
  const reading = useMemo(() => readJson(deferredText), [deferredText]);
  const fresh = useMemo(
    () => (reading.ok ? flowOutline(reading.value, language) : null),
    [reading, language],
  );
  const lastOutline = useRef<FlowOutline | null>(null);
  if (fresh) lastOutline.current = fresh;
  const outline = fresh ?? lastOutline.current ?? flowOutline(flow.definition, language);

  const byStep = useMemo(() => issuesByStep(issues ?? []), [issues]);

  const publication = useMutation({
    mutationFn: (definition: Record<string, unknown>) => flowsApi.publish(flow.key, definition),
    onMutate: () => {
      setIssues(null);
      setFailure(null);
    },
    onSuccess: (saved) => {
      storeFlow(saved);
      void queryClient.invalidateQueries({ queryKey: flowKeys.one(flow.key) });
      notify(
        t('settings.automation.json.published', { version: saved.version, name: flowName(saved, language) }),
        'careline',
      );
      void navigate(`/settings/automation/${flow.key}`);
    },
    onError: (error) => {
      const found = definitionIssuesOf(error);
      if (found) setIssues(found);
      else setFailure(describeError(error, t));
    },
  });

  const showOffset = (start: number, end = start + 1) => {
    const element = editor.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest' });
    element.setSelectionRange(start, Math.min(end, element.value.length));
    trackCaret();
    // Textareas do not scroll to a selection made by script: bring its line near the top.
    const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight) || 20;
    const { line } = lineAndColumn(element.value, start);
    element.scrollTop = Math.max(0, (line - 4) * lineHeight);
  };

  return {
    text,
    setText,
    reading,
    outline,
    refusal,
    issues,
    issuesByStep: byStep,
    failure,
    publishing: publication.isPending,
    publish: () => {
      const current = readJson(text);
      if (!current.ok) {
        setRefusal('syntax');
        showOffset(current.offset);
        return;
      }
      if (!isRecord(current.value)) {
        setRefusal('notObject');
        return;
      }
      setRefusal(null);
      publication.mutate(current.value);
    },
    format: () => {
      const current = readJson(text);
      if (current.ok) setText(JSON.stringify(current.value, null, 2));
    },
    editor,
    caret,
    trackCaret,
    showOffset,
    showPath: (path: string) => {
      const current = readJson(text);
      if (!current.ok) return;
      const span = spanOf(current.spans, path);
      if (span) showOffset(span.start, span.end);
    },
  };
}
