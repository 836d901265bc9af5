/** Software, configuration, monitoring, geography, scans and reports. */
import { date, full, json, key, num, ref, req, str, strs, type TypeSpec } from './dsl.js';

const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

export const miscTypes: TypeSpec[] = [
  {
    name: 'Software',
    fields: [str('name', req), str('version'), str('cpe')],
    key: key('name', 'version', 'cpe'),
    nonTraversable: true,
    description: 'A product and version, shared by every place it runs.',
  },
  {
    name: 'SoftwareInstance',
    fields: [ref('ooi', 'OOI', 'software_instances', [0, 1], req), ref('software', 'Software', 'instances', [1, 0], req)],
    key: key(full('ooi'), full('software')),
    description: 'Software seen running on a particular object.',
  },
  {
    name: 'Question',
    fields: [str('schema_id', req), ref('ooi', 'OOI', 'questions', [null, null], req), str('json_schema', req)],
    key: key('schema_id', 'ooi'),
    nonTraversable: true,
    description: 'A request for user settings on an object, described by a JSON schema.',
  },
  {
    name: 'Config',
    fields: [ref('ooi', 'OOI', 'configs', [null, null], req), str('bit_id', req), json('config', req)],
    key: key('ooi', 'bit_id'),
    description: 'Settings a user gave for one rule, scoped to an object.',
  },
  {
    name: 'GeographicPoint',
    fields: [
      ref('ooi', 'OOI', 'geographic_points', [null, null], req),
      num('longitude', { required: true, min: -180, max: 180 }),
      num('latitude', { required: true, min: -90, max: 90 }),
    ],
    key: key(full('ooi'), 'longitude', 'latitude'),
    description: 'A place on the map associated with an object.',
  },
  {
    name: 'Application',
    fields: [str('name', req)],
    key: key('name'),
    description: 'A monitored application that can raise incidents.',
  },
  {
    name: 'Incident',
    fields: [
      ref('application', 'Application', 'incidents', [null, null], req),
      str('event_id', req),
      str('event_type', req),
      str('event_title', req),
      str('severity', req),
      json('meta_data', req),
    ],
    key: key('application', 'event_id'),
    description: 'An event reported by a monitoring system for an application.',
  },
  {
    name: 'ExternalScan',
    fields: [str('name', req)],
    key: key('name'),
    nonTraversable: true,
    description: 'A scan run outside Kattegat whose results were imported.',
  },
  {
    name: 'ReportData',
    fields: [str('organization_code', req), str('organization_name', req), strs('organization_tags', req), json('data', req)],
    key: key('organization_code'),
    description: 'Report figures imported for one organisation.',
  },
  {
    name: 'ReportRecipe',
    fields: [
      str('recipe_id', { required: true, pattern: UUID, patternDescription: 'must be a UUID' }),
      str('report_name_format', req),
      json('input_recipe', { required: true, description: '{ input_oois: [...] } or a live { query }' }),
      str('report_type', req),
      strs('asset_report_types', req),
      str('cron_expression'),
    ],
    key: key('recipe_id'),
    description: 'A saved report definition: what to report on, how, and when.',
  },
  {
    name: 'BaseReport',
    abstract: true,
    fields: [
      str('name', req),
      str('template'),
      date('date_generated', req),
      date('reference_date', req),
      str('organization_code', req),
      str('organization_name', req),
      strs('organization_tags', req),
      str('data_raw_id', { required: true, description: 'raw file holding the report data' }),
      date('observed_at', req),
      ref('report_recipe', 'ReportRecipe', 'reports', [null, null], req),
      str('report_type', req),
    ],
    description: 'A generated report.',
  },
  {
    name: 'Report',
    parent: 'BaseReport',
    fields: [strs('input_oois', req)],
    key: key('report_recipe'),
    description: 'The report produced by one run of a recipe.',
  },
  {
    name: 'AssetReport',
    parent: 'BaseReport',
    fields: [ref('input_ooi', 'OOI', 'asset_reports', [null, null], req)],
    key: key(full('input_ooi'), 'report_type'),
    reverse: { report_recipe: 'asset_reports' },
    description: 'One report section about a single input object.',
  },
];
