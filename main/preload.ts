// Sandboxed preload (bundled into one file: a sandboxed preload cannot require our modules).
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../src/api';
import { createPreloadApi } from './preload-api';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createPreloadApi(ipcRenderer));
