/** The plugin catalogue (boefjes, normalizers), per-organisation enablement and settings. */
export const pluginsContract = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PluginsResults {}
