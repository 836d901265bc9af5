/** The container runtime: engine discovery, the base image, plugin images and locked-down runs. */
export { probeEngine, connectEngine, engineCandidates, ENGINE_HINT, type Engine, type EngineProbe, type EngineLocateOptions } from './engine';
export { prepareBaseImage, debianMirror, cacheDir, baseTarballPath, imageExists, BASE_IMAGE, BASE_PACKAGES, type PrepareBaseOptions, type PrepareBaseResult, type BaseProgress } from './base-image';
export { buildImage, ensureImage, removeImage, imageTag, contextHash, type BuildOptions, type BuiltImage } from './images';
export { runContainer, removeStaleContainers, containerSpec, RUN_LABEL, type RunOptions, type RunResult, type RunLimits, type OutputFile } from './container';
export { RunnerError, isRunnerError, RUNNER_ERROR_CODES, type RunnerErrorCode, type RunnerErrorPayload } from './errors';
export { BASE_IMAGE_DEFAULT, DEFAULT_LIMITS, DEFAULT_USER, INPUT_FILE, OUTPUT_DIR, OUTPUT_INDEX } from './defaults';
