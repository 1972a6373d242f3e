// Linked with one reference layer as a whole archive (reference/CMakeLists.txt):
// the program exists only to prove that every object of the layer links against the
// layers below it alone. It is built, never run for a result.
int main() { return 0; }
