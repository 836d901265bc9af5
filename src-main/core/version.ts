/** The application version, shown in system.info and reports. Kept in step with package.json. */
export const VERSION = '0.1.0';
