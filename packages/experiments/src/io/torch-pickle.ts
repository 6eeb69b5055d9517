import { UserError } from '@vad/core';

/**
 * The subset of Python's pickle protocol (≤ 4) that `torch.save(state_dict)` emits, read without
 * executing anything: only the globals below are understood (an OrderedDict, tensor rebuilders,
 * storage types); any other global is an error. Hand-written: no maintained npm package reads
 * PyTorch pickles, and a general unpickler would be an arbitrary-code hazard.
 */

/** A storage reference (persistent id): its values are the archive's `data/<key>` record. */
export interface StorageRef {
  readonly kind: 'storage';
  readonly key: string;
  readonly dtype: TorchDtype;
}

/** A tensor as the pickle describes it: a view (offset, shape, stride in elements) of a storage. */
export interface PickledTensor {
  readonly kind: 'tensor';
  readonly storage: StorageRef;
  readonly offset: number;
  readonly shape: readonly number[];
  readonly stride: readonly number[];
}

/** Storage element types we can read. */
export type TorchDtype = 'float32' | 'float64' | 'float16' | 'bfloat16' | 'int64' | 'int32' | 'int16' | 'int8' | 'uint8' | 'bool';

const storageTypes: Record<string, TorchDtype> = {
  FloatStorage: 'float32',
  DoubleStorage: 'float64',
  HalfStorage: 'float16',
  BFloat16Storage: 'bfloat16',
  LongStorage: 'int64',
  IntStorage: 'int32',
  ShortStorage: 'int16',
  CharStorage: 'int8',
  ByteStorage: 'uint8',
  BoolStorage: 'bool',
};

/** Values the reader produces. */
export type PickleValue = null | boolean | number | string | PickleValue[] | Map<string, PickleValue> | PickledTensor | StorageRef | Global | { readonly kind: 'mark' };

interface Global {
  readonly kind: 'global';
  readonly name: string;
}

const mark = { kind: 'mark' } as const;

function global(module: string, name: string, where: string): Global {
  const full = `${module}.${name}`;
  const known = full === 'collections.OrderedDict' || full === 'torch._utils._rebuild_tensor_v2' || full === 'torch._utils._rebuild_parameter' || (module === 'torch' && name in storageTypes);
  if (!known) throw new UserError(`${where}: pickle may only use state-dict globals (OrderedDict, tensors, storages), but got ${full}`);
  return { kind: 'global', name: full };
}

function call(fn: PickleValue, args: PickleValue, where: string): PickleValue {
  const name = (fn as Global | null)?.kind === 'global' ? (fn as Global).name : String(fn);
  const list = Array.isArray(args) ? args : [];
  if (name === 'collections.OrderedDict') return new Map();
  if (name === 'torch._utils._rebuild_tensor_v2') {
    const [storage, offset, shape, stride] = list as [StorageRef, number, number[], number[]];
    if (storage?.kind !== 'storage') throw new UserError(`${where}: _rebuild_tensor_v2 must get a storage, but got ${JSON.stringify(storage)}`);
    return { kind: 'tensor', storage, offset, shape, stride };
  }
  if (name === 'torch._utils._rebuild_parameter') return list[0] ?? null; // (tensor, requires_grad, hooks)
  throw new UserError(`${where}: pickle calls ${name}, which a state dict never does`);
}

/** The storage reference of a persistent id ('storage', StorageType, key, location, numel). */
function persistent(pid: PickleValue, where: string): StorageRef {
  const [tag, type, key] = Array.isArray(pid) ? pid : [];
  const dtype = (type as Global | undefined)?.kind === 'global' ? storageTypes[(type as Global).name.replace(/^torch\./, '')] : undefined;
  if (tag !== 'storage' || dtype === undefined || typeof key !== 'string') throw new UserError(`${where}: persistent id must name a storage, but got ${JSON.stringify(pid)}`);
  return { kind: 'storage', key, dtype };
}

/**
 * Parses a `data.pkl` record into plain values (OrderedDicts and dicts become Maps, tuples and
 * lists arrays, tensors {@link PickledTensor}).
 *
 * @throws UserError naming `where` for an opcode or global outside the state-dict subset.
 */
export function readPickle(bytes: Uint8Array, where: string): PickleValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  const stack: PickleValue[] = [];
  const memo = new Map<number, PickleValue>();
  let at = 0;
  const pop = (): PickleValue => stack.pop() ?? null;
  const popMark = (): PickleValue[] => {
    const k = stack.lastIndexOf(mark);
    if (k < 0) throw new UserError(`${where}: pickle MARK must precede this opcode, but none was found`);
    return stack.splice(k).slice(1);
  };
  const string = (n: number): string => text.decode(bytes.subarray(at, (at += n)));
  const setItems = (target: PickleValue, items: PickleValue[]): void => {
    if (!(target instanceof Map)) throw new UserError(`${where}: pickle SETITEM(S) must target a dict, but got ${typeof target}`);
    for (let k = 0; k + 1 < items.length; k += 2) target.set(String(items[k]), items[k + 1] as PickleValue);
  };
  for (;;) {
    if (at >= bytes.length) throw new UserError(`${where}: pickle must end with STOP, but the data ran out`);
    const op = bytes[at++] as number;
    switch (op) {
      case 0x80: at += 1; break; // PROTO
      case 0x95: at += 8; break; // FRAME
      case 0x2e: return pop(); // STOP
      case 0x28: stack.push(mark); break; // MARK
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x4b: stack.push(bytes[at++] as number); break; // BININT1
      case 0x4d: stack.push(view.getUint16(at, true)); at += 2; break; // BININT2
      case 0x4a: stack.push(view.getInt32(at, true)); at += 4; break; // BININT
      case 0x8a: { // LONG1
        const n = bytes[at++] as number;
        let v = 0n;
        for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[at + k] as number);
        if (n > 0 && ((bytes[at + n - 1] as number) & 0x80) !== 0) v -= 1n << BigInt(8 * n);
        at += n;
        stack.push(Number(v));
        break;
      }
      case 0x47: stack.push(view.getFloat64(at, false)); at += 8; break; // BINFLOAT (big-endian)
      case 0x58: { const n = view.getUint32(at, true); at += 4; stack.push(string(n)); break; } // BINUNICODE
      case 0x8c: { const n = bytes[at++] as number; stack.push(string(n)); break; } // SHORT_BINUNICODE
      case 0x54: { const n = view.getUint32(at, true); at += 4; stack.push(string(n)); break; } // BINSTRING
      case 0x55: { const n = bytes[at++] as number; stack.push(string(n)); break; } // SHORT_BINSTRING
      case 0x29: stack.push([]); break; // EMPTY_TUPLE
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x7d: stack.push(new Map()); break; // EMPTY_DICT
      case 0x74: stack.push(popMark()); break; // TUPLE
      case 0x85: stack.push([pop()]); break; // TUPLE1
      case 0x86: { const b = pop(); stack.push([pop(), b]); break; } // TUPLE2
      case 0x87: { const c = pop(); const b = pop(); stack.push([pop(), b, c]); break; } // TUPLE3
      case 0x61: { const v = pop(); (stack.at(-1) as PickleValue[]).push(v); break; } // APPEND
      case 0x65: { const items = popMark(); (stack.at(-1) as PickleValue[]).push(...items); break; } // APPENDS
      case 0x73: { const v = pop(); const k = pop(); setItems(stack.at(-1) ?? null, [k, v]); break; } // SETITEM
      case 0x75: { const items = popMark(); setItems(stack.at(-1) ?? null, items); break; } // SETITEMS
      case 0x71: memo.set(bytes[at++] as number, stack.at(-1) ?? null); break; // BINPUT
      case 0x72: memo.set(view.getUint32(at, true), stack.at(-1) ?? null); at += 4; break; // LONG_BINPUT
      case 0x94: memo.set(memo.size, stack.at(-1) ?? null); break; // MEMOIZE
      case 0x68: stack.push(memo.get(bytes[at++] as number) ?? null); break; // BINGET
      case 0x6a: stack.push(memo.get(view.getUint32(at, true)) ?? null); at += 4; break; // LONG_BINGET
      case 0x63: { // GLOBAL "module\nname\n"
        const end1 = bytes.indexOf(10, at);
        const module = string(end1 - at);
        at += 1;
        const end2 = bytes.indexOf(10, at);
        const name = string(end2 - at);
        at += 1;
        stack.push(global(module, name, where));
        break;
      }
      case 0x93: { const name = pop(); stack.push(global(String(pop()), String(name), where)); break; } // STACK_GLOBAL
      case 0x52: { const args = pop(); stack.push(call(pop(), args, where)); break; } // REDUCE
      case 0x81: { const args = pop(); stack.push(call(pop(), args, where)); break; } // NEWOBJ
      case 0x62: pop(); break; // BUILD: object state (an OrderedDict's _metadata) is not needed
      case 0x51: stack.push(persistent(pop(), where)); break; // BINPERSID
      default:
        throw new UserError(`${where}: pickle opcode 0x${op.toString(16)} at byte ${at - 1} is outside the state-dict subset this reader supports`);
    }
  }
}
