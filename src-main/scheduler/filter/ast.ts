/** The syntax tree of a filter, as the parser produces it: names are not resolved yet. */

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A literal with the 1-based column where it starts. */
export type Literal = (
  | { kind: 'string'; value: string }
  | { kind: 'integer'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
) & { column: number };

/** An attribute name with the 1-based column where it starts. */
export interface AttrRef {
  name: string;
  column: number;
}

export type Expr =
  | { kind: 'and'; items: Expr[] }
  | { kind: 'or'; items: Expr[] }
  | { kind: 'not'; item: Expr }
  | { kind: 'compare'; attr: AttrRef; op: ComparisonOp; opColumn: number; value: Literal }
  | { kind: 'in'; attr: AttrRef; negated: boolean; opColumn: number; values: Literal[] }
  | { kind: 'has'; attr: AttrRef; negated: boolean; opColumn: number; value: Literal }
  | { kind: 'like'; attr: AttrRef; negated: boolean; opColumn: number; value: Literal };

/** One clause of an input filter: `Type` or `Type: filter`. A missing filter matches every object of the type. */
export interface InputClause {
  type: string;
  column: number;
  filter: Expr | null;
}
