import CReadline
// The terminal layer: line readers, rendering, session loops.
enum LawQuizTerminalModule {}
