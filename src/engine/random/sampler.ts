/**
 * A sampler draws one value per call from a distribution it was built for.
 * Samplers are factories that take their stream first (d3-random style:
 * randomness is passed in), validate their parameters once when built, and
 * allocate nothing per draw.
 */
export type Sampler = () => number;
