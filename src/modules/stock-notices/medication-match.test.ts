import { describe, expect, test } from 'vitest';
import { medicationKey, medicationsMatch } from './medication-match.ts';

describe('medicine names matched between a stock notice and an order line', () => {
  test('case, accents and spaces do not count', () => {
    expect(medicationKey('  AMOXICILLINE ')).toBe('amoxicilline');
    expect(medicationKey('Lévothyroxine')).toBe('levothyroxine');
    expect(medicationsMatch('Paracétamol', 'paracetamol')).toBe(true);
    expect(medicationsMatch('Acide   acétylsalicylique', 'acide-acetylsalicylique')).toBe(true);
  });

  test('a notice for a substance warns an order of any strength or form of it', () => {
    expect(medicationsMatch('Amoxicilline', 'amoxicilline 500 mg')).toBe(true);
    expect(medicationsMatch('Amoxicilline', 'Amoxicilline 1g comprimé')).toBe(true);
    expect(medicationsMatch('Amoxicilline 1 g', 'amoxicilline 500mg gélules')).toBe(true);
    expect(medicationsMatch('Doliprane', 'Doliprane 1000')).toBe(true);
    expect(medicationsMatch('Amoxicilline', 'amoxicilline 250 mg/5 ml poudre pour suspension buvable')).toBe(
      true,
    );
    expect(medicationsMatch('Salbutamol', 'salbutamol 100 µg/dose suspension pour inhalation')).toBe(true);
    expect(medicationsMatch('Salbutamol', 'salbutamol 100 µg/dose aérosol')).toBe(true);
    expect(medicationsMatch('Tramadol', 'Tramadol LP 100 mg comprimé à libération prolongée')).toBe(true);
    expect(medicationsMatch('Ibuprofène', 'ibuprofene 2,5 mg/ml sirop')).toBe(true);
    expect(medicationsMatch('Colecalciferol', 'cholécalciférol 100 000 UI')).toBe(false);
  });

  test('another substance is another medicine', () => {
    expect(medicationsMatch('Amoxicilline', 'Amoxicilline acide clavulanique 1 g')).toBe(false);
    expect(medicationsMatch('Vitamine D', 'Vitamine B12')).toBe(false);
    expect(medicationsMatch('Vitamine D3', 'vitamine d3 1000 UI')).toBe(true);
    expect(medicationsMatch('Insuline glargine', 'Insuline asparte')).toBe(false);
  });

  test('a name that is only a strength or a form matches nothing', () => {
    expect(medicationKey('500 mg comprimé')).toBe('');
    expect(medicationsMatch('500 mg', '500 mg')).toBe(false);
  });
});
