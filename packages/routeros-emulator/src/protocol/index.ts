export { decodeLength, encodeLength, type LengthPrefix, MAX_WORD_LENGTH } from './length-prefix';
export {
  DEFAULT_DECODER_LIMITS,
  type DecodeError,
  type DecodeOutput,
  type DecoderLimits,
  SentenceDecoder,
} from './sentence-decoder';
export { encodeSentence, encodeWord } from './word-codec';
