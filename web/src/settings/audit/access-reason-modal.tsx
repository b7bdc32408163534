import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setAccessReasonPrompt } from '../../api/http-client.ts';

const MAX_REASON = 300;

/**
 * Asks why, when the clinic requires a reason of the user's role before patient data opens (the API's
 * 428). The reason goes with the reads of the page it was given on, and is recorded in the audit trail.
 */
export function AccessReasonModal() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const answer = useRef<((reason: string | null) => void) | null>(null);

  useEffect(() => {
    setAccessReasonPrompt(
      () =>
        new Promise<string | null>((resolve) => {
          answer.current = resolve;
          setReason('');
          setOpen(true);
        }),
    );
    return () => setAccessReasonPrompt(null);
  }, []);

  const close = (given: string | null) => {
    setOpen(false);
    answer.current?.(given);
    answer.current = null;
  };
  const trimmed = reason.trim();

  return (
    <Modal opened={open} onClose={() => close(null)} title={t('audit.reason.title')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed) close(trimmed);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('audit.reason.body')}</Text>
          <Textarea
            label={t('audit.reason.label')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={MAX_REASON}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="subtle" color="gray" onClick={() => close(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!trimmed}>
              {t('audit.reason.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
