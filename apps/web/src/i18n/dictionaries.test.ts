import { describe, expect, it } from 'vitest';
import { EN, ZH_CN } from './dictionaries';
import { formatAge, parseLocale, translate } from './translate';

describe('dictionaries', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(ZH_CN).sort());
  });

  it('have no empty message', () => {
    for (const text of [...Object.values(EN), ...Object.values(ZH_CN)]) expect(text.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(ZH_CN) as (keyof typeof ZH_CN)[]) {
      expect(placeholders(EN[key]), key).toEqual(placeholders(ZH_CN[key]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'kpi.segments', { count: 12 })).toBe('12 segments');
  });

  it('defaults to Chinese words for levels', () => {
    expect(translate('zh-CN', 'level.5')).toBe('严重拥堵');
  });
});

describe('parseLocale', () => {
  it('accepts en and zh, rejects others', () => {
    expect([parseLocale('en'), parseLocale('zh'), parseLocale('fr'), parseLocale(null)]).toEqual([
      'en',
      'zh-CN',
      null,
      null,
    ]);
  });
});

describe('formatAge', () => {
  it('switches from seconds to minutes at two minutes', () => {
    expect([formatAge('en', 119_000), formatAge('en', 180_000)]).toEqual(['119 s', '3 min']);
  });
});
