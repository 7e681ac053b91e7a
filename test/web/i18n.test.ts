import { describe, expect, it } from 'vitest';
import { DICTIONARIES, translate } from '../../web/src/i18n.ts';

describe('i18n dictionary', () => {
  it('has a non-empty Vietnamese and English text for every key', () => {
    const keys = Object.keys(DICTIONARIES.vi);
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(DICTIONARIES.vi[key as keyof typeof DICTIONARIES.vi].trim(), key).not.toBe('');
      expect(DICTIONARIES.en[key as keyof typeof DICTIONARIES.en].trim(), key).not.toBe('');
    }
  });

  it('writes Vietnamese with its diacritics', () => {
    expect(translate('vi', 'navOverview')).toBe('Tổng quan');
    expect(translate('vi', 'transferBudget')).toBe('Số điều động tối đa');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'importFailed', { n: 3 })).toBe('Nothing imported. Problems to fix: 3');
    expect(translate('en', 'importOk')).toBe('Imported version {id}');
  });
});
