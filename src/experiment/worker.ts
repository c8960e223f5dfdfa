/** Worker-thread entry: runs one replication. Pure: (config, seed, replication) → result. */
import type { ModelConfig } from '../model/config.js';
import { simulateReplication } from '../model/contact-center.js';
import type { ReplicationResult } from '../model/result.js';

export interface ReplicationTask {
  config: ModelConfig;
  seed: number;
  replication: number;
}

export default function runTask(task: ReplicationTask): ReplicationResult {
  return simulateReplication(task.config, task.seed, task.replication);
}
