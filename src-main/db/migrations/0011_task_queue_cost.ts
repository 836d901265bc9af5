// Migration 0011: a cheaper task row, so a scheduler tick can queue tens of thousands in one statement.
// FROZEN once landed: never edit; add a new numbered migration instead.
export const name = '0011_task_queue_cost';
export const sql = /* sql */ `
-- The foreign key to organisations fired one trigger per inserted task (about a third of the
-- insert's cost in PGlite); deleteOrg deletes an organisation's tasks itself.
ALTER TABLE tasks DROP CONSTRAINT IF EXISTS tasks_org_fkey;
-- The dedup key is md5 (hex) of 'kind|plugin|raw file|input', computable in SQL: the scheduler
-- plans and inserts its tasks in one statement (src-main/scheduler/plan.ts) and the JS side
-- (tasks/service.ts dedupKey) computes the same text.
UPDATE tasks SET dedup_key = md5(kind || '|' || plugin_id || '|' || COALESCE(raw_id, '') || '|' || COALESCE(input_pk, ''));
`;
