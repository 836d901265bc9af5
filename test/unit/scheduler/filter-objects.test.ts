/** Input filters checked against the model registry and compiled to SQL (the SQL text itself; filter-sql.test.ts runs it). */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors';
import { BUILTIN_ATTRIBUTES, compileInputFilter, inputFilterTypes, selectObjectsSql } from '../../../src-main/scheduler/filter';

function errorOf(input: string): { message: string; column: number; expected?: string; found?: string; known?: string[] } {
  try {
    compileInputFilter(input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('INVALID_QUERY');
    return { message: (e as AppError).message, ...((e as AppError).details as { column: number }) };
  }
  throw new Error(`expected '${input}' to be refused`);
}

describe('compiling input filters', () => {
  it('every literal is a parameter with a cast, types are one array parameter', () => {
    const f = compileInputFilter("IPAddress: scan_level >= 2 and address like '10.%'");
    expect(f).toEqual({
      sql: "(o.type = ANY($1::text[]) AND (COALESCE(COALESCE(p.level, 0) >= $2::numeric, false) AND COALESCE((o.data->>'address') ILIKE $3::text, false)))",
      params: [['IPAddressV4', 'IPAddressV6'], 2, '10.%'],
    });
  });

  it('compiles each kind of test', () => {
    const f = compileInputFilter(
      "IPPort: port in (22, 443) or port != 8 or state = null or not (state != 'open') or scan_profile not in ('empty'); Network",
      5,
    );
    expect(f.sql).toBe(
      [
        "((o.type = ANY($5::text[]) AND (COALESCE((CASE WHEN jsonb_typeof(o.data->'port') = 'number' THEN (o.data->>'port')::numeric END) = ANY($6::numeric[]), false)",
        " OR (NOT COALESCE((CASE WHEN jsonb_typeof(o.data->'port') = 'number' THEN (o.data->>'port')::numeric END) = $7::numeric, false))",
        " OR ((o.data->>'state') IS NULL)",
        " OR (NOT (NOT COALESCE((o.data->>'state') = $8::text, false)))",
        " OR (NOT COALESCE(COALESCE(p.kind, 'empty') = ANY($9::text[]), false))))",
        ' OR (o.type = ANY($10::text[])))',
      ].join(''),
    );
    expect(f.params).toEqual([['IPPort'], [22, 443], 8, 'open', ['empty'], ['Network']]);
    expect(compileInputFilter("ReportData: organization_tags has 'prod'").sql).toContain("COALESCE((o.data->'organization_tags') @> jsonb_build_array($2::text), false)");
    expect(compileInputFilter('APIDesignRuleResult: passed = true')).toMatchObject({
      sql: expect.stringContaining("(CASE WHEN jsonb_typeof(o.data->'passed') = 'boolean' THEN (o.data->>'passed')::boolean END) = $2::boolean"),
      params: [['APIDesignRuleResult'], true],
    });
  });

  it('date-times compare as UTC ISO strings in byte order', () => {
    const f = compileInputFilter("Report: observed_at >= '2026-03-01' and observed_at < '2026-03-02T10:00:00+02:00' and date_generated = '2026-03-01 09:00'");
    expect(f.sql).toContain(`((o.data->>'observed_at') COLLATE "C") >= $2::text`);
    expect(f.params).toEqual([['Report'], '2026-03-01T00:00:00.000Z', '2026-03-02T08:00:00.000Z', '2026-03-01T09:00:00.000Z']);
    expect(errorOf("Report: observed_at > 'yesterday'")).toMatchObject({ column: 23, expected: "a date-time such as '2026-03-01' or '2026-03-01T09:00:00Z'" });
    expect(errorOf("Report: observed_at > '2026-13-45'")).toMatchObject({ column: 23 });
    expect(errorOf("Report: observed_at > '2026-02-30'")).toMatchObject({ column: 23 });
    expect(compileInputFilter("Report: observed_at > '2024-02-29T23:00:00-0100'").params[1]).toBe('2024-03-01T00:00:00.000Z');
    expect(errorOf('Report: observed_at > 5')).toMatchObject({ column: 23 });
  });

  it('the full query restricts the organisation as $1', () => {
    expect(selectObjectsSql('acme', 'Hostname: scan_level > 0')).toEqual({
      sql: 'SELECT o.pk, o.type FROM objects o LEFT JOIN scan_profiles p ON p.org = o.org AND p.pk = o.pk WHERE o.org = $1 AND (o.type = ANY($2::text[]) AND COALESCE(COALESCE(p.level, 0) > $3::numeric, false))',
      params: ['acme', ['Hostname'], 0],
    });
  });

  it('lists the concrete types an input filter covers', () => {
    expect(inputFilterTypes('IPAddress: scan_level > 0; Hostname; IPAddressV4')).toEqual(['IPAddressV4', 'IPAddressV6', 'Hostname']);
  });

  it('values never reach the SQL text', () => {
    const evil = "x'); DROP TABLE objects; --";
    const f = compileInputFilter(`Hostname: name = '${evil.replace(/'/g, "''")}' or name like '${evil.replace(/'/g, "''")}'`);
    expect(f.sql).not.toContain('DROP');
    expect(f.params).toEqual([['Hostname'], evil, evil]);
  });
});

describe('checking input filters against the model', () => {
  it('an unknown attribute is named, with its column and the attributes of the type', () => {
    const e = errorOf('Hostname: scan_level > 0 and port = 80');
    expect(e).toMatchObject({ column: 30, found: 'port' });
    expect(e.known).toEqual([...BUILTIN_ATTRIBUTES, 'network', 'name', 'dns_zone', 'registered_domain']);
    expect(e.message).toBe(`Unknown attribute 'port' at column 30 for type Hostname; known attributes: ${e.known!.join(', ')}.`);
  });

  it('an abstract type knows the fields of its concrete subtypes', () => {
    expect(errorOf('IPAddress: mask = 1').known).toEqual([...BUILTIN_ATTRIBUTES, 'network', 'address', 'netblock']);
  });

  it('an unknown type points at its clause, with a suggestion for a wrong case', () => {
    expect(errorOf('Hostname; hostnam: scan_level > 0')).toMatchObject({ column: 11, found: 'hostnam', message: "Unknown object type 'hostnam' at column 11." });
    expect(errorOf('Hostname; ipaddress').message).toBe("Unknown object type 'ipaddress' at column 11. Did you mean 'IPAddress'?");
    expect(errorOf('Nope').known).toContain('Hostname');
  });

  it.each([
    ["IPPort: port = '80'", 16, 'a number'],
    ["IPPort: protocol = 'sctp'", 20, "one of 'tcp', 'udp'"],
    ["IPPort: protocol = 'tcp'' or ''1''=''1'", 20, "one of 'tcp', 'udp'"],
    ["IPPort: type = 'Hostname'", 16, "one of 'IPPort'"],
    ["Hostname: scan_profile = 'none'", 26, "one of 'declared', 'inherited', 'empty'"],
    ["Hostname: name > 'a'", 16, '= != in like'],
    ['Hostname: scan_level = true', 24, 'a number'],
    ["ReportData: organization_tags = 'x'", 33, "'has'"],
    ['ReportData: data = 1', 20, 'null'],
    ["ReportData: data like 'x'", 18, '= null or != null'],
    ["Hostname: name like 'a\\'", 21, "a character after '\\'"],
    ['IPPort: port = 1; Hostname: name = 2', 36, "a quoted string such as 'text'"],
  ])('%s -> column %i', (input, column, expected) => {
    expect(errorOf(input)).toMatchObject({ column, expected });
  });

  it('an enum filter on an abstract type accepts the values of every subtype', () => {
    expect(compileInputFilter("FindingType: risk_severity = 'critical'").params[1]).toBe('critical');
  });
});
