import { ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { Icon } from '../../ui/icons.tsx';
import type { StepKind } from './flow-outline.ts';

/**
 * A step's type at a glance: green for what the patient reads, blue for the flow's own logic, violet
 * for handing over to people, yellow and red for what only the team sees.
 */
export function StepIcon({ kind }: { kind: StepKind | null }) {
  const { icon, color } = lookOf(kind);
  return (
    <ThemeIcon variant="light" color={color} radius="md" size={34} aria-hidden="true">
      {icon}
    </ThemeIcon>
  );
}

function lookOf(kind: StepKind | null): { icon: ReactNode; color: string } {
  const size = 18;
  switch (kind) {
    case 'send':
      return { icon: <Icon name="send" size={size} />, color: 'careline' };
    case 'ask':
      return { icon: <Icon name="help" size={size} />, color: 'careline' };
    case 'menu':
      return { icon: <Icon name="list" size={size} />, color: 'careline' };
    case 'csat':
      return { icon: <Icon name="star" size={size} />, color: 'careline' };
    case 'branch':
      return { icon: <Icon name="branch" size={size} />, color: 'blue' };
    case 'goto':
      return { icon: <Icon name="arrowRight" size={size} />, color: 'blue' };
    case 'wait':
      return { icon: <Icon name="hourglass" size={size} />, color: 'blue' };
    case 'set_field':
      return { icon: <Icon name="pencil" size={size} />, color: 'blue' };
    case 'add_tag':
    case 'remove_tag':
      return { icon: <Icon name="tag" size={size} />, color: 'blue' };
    case 'request':
      return { icon: <Icon name="code" size={size} />, color: 'blue' };
    case 'http':
      return { icon: <Icon name="world" size={size} />, color: 'blue' };
    case 'start_flow':
      return { icon: <Icon name="play" size={size} />, color: 'blue' };
    case 'assign':
      return { icon: <Icon name="user" size={size} />, color: 'violet' };
    case 'handoff':
      return { icon: <Icon name="users" size={size} />, color: 'violet' };
    case 'note':
      return { icon: <Icon name="note" size={size} />, color: 'yellow' };
    case 'mark_urgent':
      return { icon: <Icon name="flame" size={size} />, color: 'red' };
    case 'close':
      return { icon: <Icon name="circleCheck" size={size} />, color: 'gray' };
    case 'end':
      return { icon: <Icon name="flag" size={size} />, color: 'gray' };
    case null:
      return { icon: <Icon name="alert" size={size} />, color: 'red' };
  }
}
