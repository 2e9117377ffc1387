import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  AlertFrequency,
  ALERT_FREQUENCIES,
  DEGREES,
  INDUSTRIES,
  KEY_SECTORS,
  type Degree,
} from '@careerside/shared';
import {
  type AlertPreferences,
  type MatchableJob,
  degreesAtOrAbove,
  degreesAtOrBelow,
  matchesPreferences,
  matchingCondition,
} from './matching';

const prefs = (overrides: Partial<AlertPreferences> = {}): AlertPreferences => ({
  frequency: AlertFrequency.Instant,
  industries: [],
  keySectors: [],
  locationKeys: [],
  keywords: [],
  degree: null,
  ...overrides,
});

const job = (overrides: Partial<MatchableJob> = {}): MatchableJob => ({
  industry: 'aerospace',
  keySectors: ['aerospace'],
  locationKeys: ['西安'],
  degree: 'bachelor',
  searchText: '飞行器结构设计工程师 某航天研究院 负责结构强度分析',
  ...overrides,
});

describe(matchesPreferences.name, () => {
  it('places no condition on a field whose list is empty', () => {
    expect(matchesPreferences(job(), prefs())).toBe(true);
    expect(matchesPreferences(job(), prefs({ keySectors: ['aerospace'] }))).toBe(true);
    expect(matchesPreferences(job({ industry: 'research' }), prefs({ keySectors: ['aerospace'] }))).toBe(
      true,
    );
  });

  it('needs one of the listed values when a list is set', () => {
    expect(matchesPreferences(job(), prefs({ industries: ['energy'] }))).toBe(false);
    expect(matchesPreferences(job(), prefs({ industries: ['energy', 'aerospace'] }))).toBe(true);
    expect(matchesPreferences(job(), prefs({ keySectors: ['energy'] }))).toBe(false);
    expect(matchesPreferences(job({ keySectors: [] }), prefs({ keySectors: ['aerospace'] }))).toBe(false);
    expect(matchesPreferences(job(), prefs({ locationKeys: ['北京'] }))).toBe(false);
    expect(matchesPreferences(job(), prefs({ locationKeys: ['北京', '西安'] }))).toBe(true);
  });

  it('sends a posting with no locations to students anywhere', () => {
    expect(matchesPreferences(job({ locationKeys: [] }), prefs({ locationKeys: ['北京'] }))).toBe(true);
  });

  it('matches keywords anywhere in the text', () => {
    expect(matchesPreferences(job(), prefs({ keywords: ['强度'] }))).toBe(true);
    expect(matchesPreferences(job(), prefs({ keywords: ['芯片', '航天'] }))).toBe(true);
    expect(matchesPreferences(job(), prefs({ keywords: ['芯片'] }))).toBe(false);
  });

  it("lets a student's degree meet the posting's minimum", () => {
    expect(matchesPreferences(job({ degree: 'master' }), prefs({ degree: 'bachelor' }))).toBe(false);
    expect(matchesPreferences(job({ degree: 'master' }), prefs({ degree: 'doctorate' }))).toBe(true);
    expect(matchesPreferences(job({ degree: null }), prefs({ degree: 'associate' }))).toBe(true);
    expect(matchesPreferences(job({ degree: 'doctorate' }), prefs({ degree: null }))).toBe(true);
  });

  it('sends nothing to a student who turned alerts off', () => {
    expect(matchesPreferences(job(), prefs({ frequency: AlertFrequency.Off }))).toBe(false);
  });

  it('orders degrees', () => {
    expect(degreesAtOrAbove('master')).toEqual(['master', 'doctorate']);
    expect(degreesAtOrBelow('bachelor')).toEqual(['associate', 'bachelor']);
  });
});

// The SQL condition against the reference function, on random preferences and postings.
describe(matchingCondition.name, () => {
  let db: DataSource;
  let random: () => number;
  const students: (AlertPreferences & { id: string })[] = [];
  const LOCATIONS = ['北京', '上海', '西安', '成都', '武汉', '合肥'];
  const WORDS = ['结构', '芯片', '电网', '调度', '工艺', '仿真', 'fpga', '100%', 'a_b'];

  const pick = <T>(items: readonly T[], max: number): T[] => {
    const count = Math.floor(random() * (max + 1));
    return [...new Set(Array.from({ length: count }, () => items[Math.floor(random() * items.length)]))];
  };

  beforeAll(async () => {
    let seed = 20_260_601;
    random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    for (const statement of [
      `CREATE TABLE job_alert_settings (user_id TEXT PRIMARY KEY, frequency TEXT, degree TEXT,
        any_industry BOOLEAN, any_key_sector BOOLEAN, any_location BOOLEAN, any_keyword BOOLEAN)`,
      'CREATE TABLE job_alert_industries (user_id TEXT, industry TEXT, PRIMARY KEY (user_id, industry))',
      'CREATE TABLE job_alert_key_sectors (user_id TEXT, key_sector TEXT, PRIMARY KEY (user_id, key_sector))',
      'CREATE TABLE job_alert_locations (user_id TEXT, location TEXT, PRIMARY KEY (user_id, location))',
      'CREATE TABLE job_alert_keywords (user_id TEXT, keyword TEXT, PRIMARY KEY (user_id, keyword))',
    ]) {
      await db.query(statement);
    }
    const industries = INDUSTRIES.map((entry) => entry.code);
    const sectors = KEY_SECTORS.map((entry) => entry.code);
    const degrees: (Degree | null)[] = [null, ...DEGREES.map((entry) => entry.code)];
    for (let i = 0; i < 600; i += 1) {
      const student = {
        id: `s${i}`,
        frequency: ALERT_FREQUENCIES[Math.floor(random() * ALERT_FREQUENCIES.length)],
        industries: pick(industries, 2),
        keySectors: pick(sectors, 2),
        locationKeys: pick(LOCATIONS, 2),
        keywords: pick(WORDS, 2),
        degree: degrees[Math.floor(random() * degrees.length)],
      };
      students.push(student);
      await db.query('INSERT INTO job_alert_settings VALUES (?, ?, ?, ?, ?, ?, ?)', [
        student.id,
        student.frequency,
        student.degree,
        student.industries.length === 0 ? 1 : 0,
        student.keySectors.length === 0 ? 1 : 0,
        student.locationKeys.length === 0 ? 1 : 0,
        student.keywords.length === 0 ? 1 : 0,
      ]);
      for (const [table, column, values] of [
        ['job_alert_industries', 'industry', student.industries],
        ['job_alert_key_sectors', 'key_sector', student.keySectors],
        ['job_alert_locations', 'location', student.locationKeys],
        ['job_alert_keywords', 'keyword', student.keywords],
      ] as const) {
        for (const value of values)
          await db.query(`INSERT INTO ${table} (user_id, ${column}) VALUES (?, ?)`, [student.id, value]);
      }
    }
  });
  afterAll(() => db.destroy());

  const select = async (where: string, parameters: unknown[]) =>
    (
      await db.query<{ id: string }[]>(
        `SELECT s.user_id AS id FROM job_alert_settings s WHERE ${where}`,
        parameters,
      )
    ).map((row) => row.id);

  it('selects exactly the students the rules select, for 200 random postings', async () => {
    const industries = INDUSTRIES.map((entry) => entry.code);
    const sectors = KEY_SECTORS.map((entry) => entry.code);
    let matchedSomewhere = 0;
    for (let i = 0; i < 200; i += 1) {
      const posting: MatchableJob = {
        industry: industries[Math.floor(random() * industries.length)],
        keySectors: pick(sectors, 3),
        locationKeys: pick(LOCATIONS, 2),
        degree: random() < 0.3 ? null : DEGREES[Math.floor(random() * DEGREES.length)].code,
        searchText: pick(WORDS, 3).join(' '),
      };
      const { where, parameters } = matchingCondition(posting);
      const ids = await select(where, parameters);
      const expected = students
        .filter((student) => matchesPreferences(posting, student))
        .map((student) => student.id);
      expect(ids.sort()).toEqual(expected.sort());
      matchedSomewhere += expected.length;
    }
    // The random data exercises matches, not just empty answers.
    expect(matchedSomewhere).toBeGreaterThan(500);
  });

  it('treats LIKE wildcards in keywords as plain text', async () => {
    const { where, parameters } = matchingCondition(
      job({ searchText: 'growth of 100 percent', keySectors: [], locationKeys: [], degree: null }),
    );
    const ids = await select(where, parameters);
    const withWildcardOnly = students.filter(
      (s) => s.keywords.length > 0 && s.keywords.every((k) => k === '100%' || k === 'a_b'),
    );
    expect(withWildcardOnly.length).toBeGreaterThan(0);
    for (const student of withWildcardOnly) expect(ids).not.toContain(student.id);
  });
});
