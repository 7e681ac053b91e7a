import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastPart, joinJsonArrays } from '../../../api/jobs/forecastPart.ts';
import { FORECAST_HORIZON, REFORM_MONTH } from '../../../api/storage/forecastFiles.ts';
import { loadDataset } from '../../../solver/dataset/loadDataset.ts';
import { forecastHistory } from '../../../solver/forecast/forecastHistory.ts';
import { longHistoryDir } from './testApp.ts';

const history = () => {
  const dir = longHistoryDir();
  const file = (t: string) => ({ name: `${t}.csv`, text: readFileSync(join(dir, `${t}.csv`), 'utf8') });
  const loaded = loadDataset({ centers: file('centers'), fields: file('fields'), history: file('history'), staff: file('staff') });
  if (!loaded.ok) throw new Error('the long test history does not load');
  return loaded.value.history;
};

describe('forecastPart', () => {
  const rows = history();
  const options = { horizon: FORECAST_HORIZON, breakMonth: REFORM_MONTH };
  const whole = forecastHistory(rows, options);

  it('the parts, in order, are exactly the forecasts of the whole history', () => {
    for (const count of [1, 2, 3]) {
      const parts = Array.from({ length: count }, (_, index) => forecastPart(rows, options, { index, count }));
      expect(parts.flat()).toEqual(whole);
    }
  });

  it('joins the JSON texts of the parts into the JSON of the whole, empty parts included', () => {
    const a = forecastPart(rows, options, { index: 0, count: 2 });
    const b = forecastPart(rows, options, { index: 1, count: 2 });
    expect(JSON.parse(joinJsonArrays([JSON.stringify(a), '[]', JSON.stringify(b)]))).toEqual(whole);
    expect(joinJsonArrays(['[]', '[]'])).toBe('[]');
  });

  it('names a part that does not exist', () => {
    expect(() => forecastPart(rows, options, { index: 2, count: 2 })).toThrow('forecastPart: part 2 of 2 does not exist');
  });
});
