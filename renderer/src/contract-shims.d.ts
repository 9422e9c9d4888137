// The contract's types reach src/probe/types.ts, whose ProbeOptions (never used by the renderer)
// name Node's Buffer. The renderer is compiled without Node's types, so the name is given here.
type Buffer = Uint8Array;
