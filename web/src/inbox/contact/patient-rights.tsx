import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { queryKeys } from '../../api/inbox-api.ts';
import { privacyApi, privacyKeys } from '../../api/privacy-api.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';

interface Props {
  contact: { id: string; name: string; confirmation: string };
  /** The patient is gone: the panel closes and the inbox moves on. */
  onErased(): void;
}

/** The patient's rights, for administrators: an export of everything, and an erasure confirmed by their name. */
export function PatientRights({ contact, onErased }: Props) {
  const { t } = useTranslation();
  const [erasing, setErasing] = useState(false);
  return (
    <Stack gap="xs">
      <Button
        component="a"
        href={privacyApi.exportUrl(contact.id)}
        download
        variant="light"
        size="compact-sm"
        leftSection={<Icon name="download" size={14} />}
        title={t('privacy.exportHint')}
      >
        {t('privacy.exportData')}
      </Button>
      <Button
        variant="light"
        color="red"
        size="compact-sm"
        leftSection={<Icon name="x" size={14} />}
        onClick={() => setErasing(true)}
      >
        {t('privacy.erase')}
      </Button>
      <EraseDialog opened={erasing} contact={contact} onClose={() => setErasing(false)} onErased={onErased} />
    </Stack>
  );
}

function EraseDialog({ opened, contact, onClose, onErased }: Props & { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const matches = normalise(typed) === normalise(contact.confirmation);
  const erase = useMutation({
    mutationFn: () => privacyApi.erase(contact.id, typed),
    onSuccess: (erasure) => {
      notify(t('privacy.erased', { name: contact.name, reference: erasure.reference }), 'careline');
      queryClient.removeQueries({ queryKey: queryKeys.contact(contact.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      void queryClient.invalidateQueries({ queryKey: privacyKeys.erasures });
      close();
      onErased();
    },
  });
  function close() {
    setTyped('');
    erase.reset();
    onClose();
  }
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('privacy.eraseTitle', { name: contact.name })}
      radius="lg"
      centered
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) erase.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('privacy.eraseBody')}</Text>
          <TextInput
            label={t('privacy.eraseConfirmLabel', { name: contact.confirmation })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            error={typed !== '' && !matches ? t('privacy.eraseConfirmMismatch') : undefined}
          />
          {erase.isError && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {describeError(erase.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!matches} loading={erase.isPending}>
              {t('privacy.eraseNow')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** As the server compares: case, accents' composition and extra spaces do not matter. */
function normalise(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}
