/** The schedule filter language (issue 4): pure; see README.md for the grammar and semantics. */
export { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, parseFilter, parseInput } from './parser.js';
export type { Expr, InputClause } from './ast.js';
export {
  PLUGIN_ATTRIBUTE_NAMES,
  compilePluginFilter,
  filterPlugins,
  pluginAttributesOf,
  type PluginAttributes,
  type PluginPredicate,
} from './plugins.js';
export { OBJECTS_FROM, compileInputFilter, inputFilterTypes, selectObjectsSql, type SqlFragment } from './objects-sql.js';
export { BUILTIN_ATTRIBUTES, SCAN_PROFILE_KINDS } from './object-attributes.js';
