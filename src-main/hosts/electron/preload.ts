import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../../api/methods';
import { exposeKat } from './preload-bridge';

// The sandboxed preload (out/preload/index.cjs): imports only Electron and the plain method list.
exposeKat(contextBridge, ipcRenderer, METHOD_NAMES);
