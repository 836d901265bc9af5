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
 *   "settings": { "nameserver": "127.0.0.1", "nameserver_port": 5353, … },
 *   "addresses": { "example.org": ["192.0.2.10", "2001:db8::10"] }
 * }
 *
 * `input` holds the object's attributes (references as primary keys) and `key`, its key attributes
 * as nested dicts (references expanded), so a script can read `.input.key.ip_service.ip_port.port`
 * with jq. `settings` are PluginCatalogue.effectiveSettings: stored values over the schema's defaults,
 * secrets decrypted. `addresses` lists, for every hostname the input names (itself, a URL's netloc,
 * a website's hostname), the addresses Kattegat knows it resolves to (ResolvedHostname objects):
 * a boefje that connects by name (webpage-analysis) uses them instead of the container's resolver,
 * which on an audit network often cannot resolve the client's internal names.
 */
import { Reference, referencesOf, type OOI, type Tokenized } from '../graph/model';

export interface BoefjeInput {
  task_id: string;
  boefje: { id: string; version: string };
  input_ooi: string;
  input: Record<string, unknown> & { object_type: string; primary_key: string; key: Tokenized };
  settings: Record<string, unknown>;
  addresses?: Record<string, string[]>;
}

export function boefjeInput(args: {
  taskId: string;
  boefjeId: string;
  version: string;
  object: OOI;
  settings: Record<string, unknown>;
  addresses?: Record<string, string[]>;
}): BoefjeInput {
  const ref = Reference.from(args.object.pk);
  return {
    task_id: args.taskId,
    boefje: { id: args.boefjeId, version: args.version },
    input_ooi: args.object.pk,
    input: { ...args.object.data, object_type: args.object.type, primary_key: args.object.pk, key: ref.tokenized },
    settings: args.settings,
    ...(args.addresses ? { addresses: args.addresses } : {}),
  };
}

/** The hostnames an object names: itself when it is one, and the Hostnames it references. */
export function hostnamesOf(object: OOI): string[] {
  const out = new Set<string>();
  if (object.type === 'Hostname') out.add(object.pk);
  for (const r of referencesOf(object)) if (r.target.startsWith('Hostname|')) out.add(r.target);
  return [...out];
}


/**
 * What a multiInput boefje (manifest `multiInput: true`) receives at /in/input.json instead: one
 * container for up to `maxInputs` queued tasks of the boefje in one organisation, all with the same
 * settings. Every entry of `inputs` is one task and has the same `input_ooi` and `input` as above:
 *
 * {
 *   "boefje": { "id": "nmap", "version": "1.1.0" },
 *   "settings": { "top_ports": 250 },
 *   "inputs": [
 *     { "task_id": "3f0c…", "input_ooi": "IPAddressV4|internet|10.0.0.1", "input": { "address": "10.0.0.1", … } },
 *     { "task_id": "9a41…", "input_ooi": "IPAddressV4|internet|10.0.0.2", "input": { "address": "10.0.0.2", … } }
 *   ]
 * }
 *
 * Every input in the file passed the clearance check right before the container started; an input
 * that failed it was cancelled and is not in the file. The output of input `task_id` goes into the
 * folder /out/<task_id>/ (mime-types.json names its files as "<task_id>/<file>"); each task keeps
 * the files of its own folder as its raw files, so the normalizers run once per input object.
 * Files outside an input's folder belong to no input and are dropped (the tasks' stderr says so).
 */
export interface BoefjeBatchInput {
  boefje: { id: string; version: string };
  settings: Record<string, unknown>;
  inputs: Pick<BoefjeInput, 'task_id' | 'input_ooi' | 'input'>[];
}

export function boefjeBatchInput(args: { boefjeId: string; version: string; settings: Record<string, unknown>; inputs: readonly { taskId: string; object: OOI }[] }): BoefjeBatchInput {
  return {
    boefje: { id: args.boefjeId, version: args.version },
    settings: args.settings,
    inputs: args.inputs.map(({ taskId, object }) => {
      const { task_id, input_ooi, input } = boefjeInput({ taskId, boefjeId: args.boefjeId, version: args.version, object, settings: {} });
      return { task_id, input_ooi, input };
    }),
  };
}
