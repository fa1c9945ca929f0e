// The type-check figures from three consumer files, all importing the five
// packages: imports only; one client and one call; every client and every
// operation called. Counts, not times: they do not move with machine load.
import { consumerSource, describeApis, everyCall } from './consumer.mjs';
import { countInstantiations } from './instantiations.mjs';

export async function measureTypeCost({ apis } = {}) {
  const described = apis ?? (await describeApis());
  const calls = everyCall(described);
  if (calls.length < 2) throw new Error('per-call cost needs at least two operations');
  const [first] = calls;
  const firstApi = described.find((api) => api.name === first[0]);
  // Two tsc processes at a time: the machine has two cores.
  const [imports, one] = await Promise.all([
    countInstantiations(consumerSource(described, {})),
    countInstantiations(consumerSource(described, { clients: [firstApi], calls: [first] })),
  ]);
  const total = await countInstantiations(consumerSource(described, { clients: described, calls }));
  return {
    imports,
    one,
    total,
    calls: calls.length,
    firstCall: one - imports,
    perCall: (total - one) / (calls.length - 1),
  };
}
