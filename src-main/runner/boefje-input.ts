/**
 * What a boefje container receives at /in/input.json (see resources/images/README.md):
 *
 * {
 *   "task_id": "…",
 *   "boefje": { "id": "dns-records", "version": "1.0.0" },
 *   "input_ooi": "Hostname|internet|example.org",
 *   "input": { "object_type": "Hostname", "primary_key": "Hostname|internet|example.org",
 *              "network": "Network|internet", "name": "example.org",
 *              "key": { "network": { "name": "internet" }, "name": "example.org" } },
 *   "settings": { "nameserver": "127.0.0.1", "nameserver_port": 5353, … }
 * }
 *
 * `input` holds the object's attributes (references as primary keys) and `key`, its key attributes
 * as nested dicts (references expanded), so a script can read `.input.key.ip_service.ip_port.port`
 * with jq. `settings` are PluginCatalogue.effectiveSettings: stored values over the schema's defaults,
 * secrets decrypted.
 */
import { Reference, type OOI, type Tokenized } from '../graph/model';

export interface BoefjeInput {
  task_id: string;
  boefje: { id: string; version: string };
  input_ooi: string;
  input: Record<string, unknown> & { object_type: string; primary_key: string; key: Tokenized };
  settings: Record<string, unknown>;
}

export function boefjeInput(args: { taskId: string; boefjeId: string; version: string; object: OOI; settings: Record<string, unknown> }): BoefjeInput {
  const ref = Reference.from(args.object.pk);
  return {
    task_id: args.taskId,
    boefje: { id: args.boefjeId, version: args.version },
    input_ooi: args.object.pk,
    input: { ...args.object.data, object_type: args.object.type, primary_key: args.object.pk, key: ref.tokenized },
    settings: args.settings,
  };
}

