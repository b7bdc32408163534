import { Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../format/people.ts';
import { Icon } from '../ui/icons.tsx';
import { digits } from './phone-chat.ts';
import classes from './phone-page.module.css';
import type { SimulatedNumber } from './simulator-api.ts';

export interface Identity {
  name: string;
  /** International format, e.g. +33612345678. */
  phone: string;
  phoneNumberId: string;
}

const STORAGE_KEY = 'careline.phone.identity';
const SAMPLE_NAMES = [
  'Marie Curie',
  'Louis Pasteur',
  'Chloé Martin',
  'Amina Diallo',
  'Lucas Bernard',
  'Inès Moreau',
];

/** Who the visitor plays: a name and a number, remembered in this browser. */
export function PhoneSetup({
  numbers,
  onStart,
}: {
  numbers: SimulatedNumber[];
  onStart(identity: Identity): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(() => SAMPLE_NAMES[Math.floor(Math.random() * SAMPLE_NAMES.length)] ?? '');
  const [phone, setPhone] = useState(randomFrenchMobile);
  const [phoneNumberId, setPhoneNumberId] = useState(numbers[0]?.phoneNumberId ?? '');
  const valid = /^\+?[1-9]\d{5,14}$/.test(phone.replace(/[\s().-]/g, ''));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid || !name.trim()) return;
    const normalized = `+${digits(phone)}`;
    onStart({ name: name.trim(), phone: normalized, phoneNumberId });
  };

  return (
    <form className={classes.setup} onSubmit={submit}>
      <div className={classes.setupTop}>
        <div className={classes.setupLogo}>
          <Icon name="phone" size={30} />
        </div>
        <Text fw={700} fz={20} c="white">
          {t('phone.setupTitle')}
        </Text>
        <Text size="sm" c="rgba(255,255,255,0.85)" ta="center">
          {t('phone.setupBody')}
        </Text>
      </div>
      <Stack gap="sm" p="lg">
        <TextInput
          label={t('phone.yourName')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
          maxLength={80}
        />
        <TextInput
          label={t('phone.yourNumber')}
          description={t('phone.numberHint')}
          value={phone}
          onChange={(event) => setPhone(event.currentTarget.value)}
          error={phone && !valid ? t('phone.numberInvalid') : undefined}
          required
          inputMode="tel"
        />
        {numbers.length > 1 && (
          <NativeSelect
            label={t('phone.clinicNumber')}
            value={phoneNumberId}
            onChange={(event) => setPhoneNumberId(event.currentTarget.value)}
            data={numbers.map((n) => ({ value: n.phoneNumberId, label: formatPhone(n.displayPhoneNumber) }))}
          />
        )}
        <Button type="submit" color="#00a884" radius="xl" size="md" mt="xs" disabled={!valid || !name.trim()}>
          {t('phone.start')}
        </Button>
      </Stack>
    </form>
  );
}

export function readIdentity(): Identity | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return null;
    const { name, phone, phoneNumberId } = { name: '', phone: '', phoneNumberId: '', ...stored };
    if (typeof name !== 'string' || typeof phone !== 'string' || typeof phoneNumberId !== 'string')
      return null;
    return name && phone ? { name, phone, phoneNumberId } : null;
  } catch {
    return null;
  }
}

export function saveIdentity(identity: Identity | null): void {
  try {
    if (identity) localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode: the identity lasts for this page only.
  }
}

function randomFrenchMobile(): string {
  const rest = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10)).join('');
  return formatPhone(`+336${rest}`);
}
