package fr.aed.station.app.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks at a PKCS#11 module's file before it is loaded: a file that is not a shared library for
 * this JVM, or a library without {@code C_GetFunctionList} (PKCS#11 v2.40 section 5.2, the entry
 * point every module exports), is said so in a word instead of reaching the native loader, whose
 * error lists the whole class path. Reads the ELF header and dynamic symbol table only (System V
 * gABI, chapter 4): nothing of the file is run.
 */
public final class Pkcs11ModuleFile {

  /** What is wrong with a module's file. */
  public enum Problem {
    /** No file at that path. */
    MISSING,
    /** A folder, a device or a pipe. */
    NOT_A_FILE,
    /** The file cannot be read by this user. */
    UNREADABLE,
    /** Not an ELF file at all (no {@code \x7fELF} magic). */
    NOT_A_LIBRARY,
    /** An ELF file, but a program or an object file, not a shared library. */
    NOT_A_SHARED_LIBRARY,
    /** A shared library built for another architecture than this JVM's. */
    OTHER_ARCHITECTURE,
    /** A shared library that does not export {@code C_GetFunctionList}. */
    NOT_PKCS11
  }

  static final String ENTRY_POINT = "C_GetFunctionList";

  private static final int ET_DYN = 3;
  private static final int SHT_DYNSYM = 11;
  private static final int SHN_UNDEF = 0;
  // The tables read whole are bounded: no real module's symbol table comes near this.
  private static final long MAX_TABLE = 64L * 1024 * 1024;

  private Pkcs11ModuleFile() {}

  /**
   * What is wrong with {@code module} as a PKCS#11 module for this JVM, if anything can be seen
   * without loading it. On systems whose libraries are not ELF files only the file itself is
   * checked.
   */
  public static Optional<Problem> check(Path module) {
    if (!Files.exists(module)) {
      return Optional.of(Problem.MISSING);
    }
    if (!Files.isRegularFile(module)) {
      return Optional.of(Problem.NOT_A_FILE);
    }
    if (!Files.isReadable(module)) {
      return Optional.of(Problem.UNREADABLE);
    }
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return Optional.empty();
    }
    try (FileChannel file = FileChannel.open(module, StandardOpenOption.READ)) {
      return new ElfReader(file).problem();
    } catch (IOException e) {
      return Optional.of(Problem.UNREADABLE);
    }
  }

  /** One ELF file's header, sections and dynamic symbols, read where they are. */
  private static final class ElfReader {

    private final FileChannel file;
    private boolean wide;
    private ByteOrder order;

    ElfReader(FileChannel file) {
      this.file = file;
    }

    Optional<Problem> problem() throws IOException {
      ByteBuffer header = read(0, 64);
      if (header.remaining() < 52
          || header.get(0) != 0x7F
          || header.get(1) != 'E'
          || header.get(2) != 'L'
          || header.get(3) != 'F') {
        return Optional.of(Problem.NOT_A_LIBRARY);
      }
      int elfClass = header.get(4);
      int data = header.get(5);
      if (elfClass != 1 && elfClass != 2 || data != 1 && data != 2) {
        return Optional.of(Problem.NOT_A_LIBRARY);
      }
      wide = elfClass == 2;
      order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
      header.order(order);
      if (wide && header.remaining() < 64) {
        return Optional.of(Problem.NOT_A_LIBRARY);
      }
      if (Short.toUnsignedInt(header.getShort(16)) != ET_DYN) {
        return Optional.of(Problem.NOT_A_SHARED_LIBRARY);
      }
      if (!forThisJvm(Short.toUnsignedInt(header.getShort(18)))) {
        return Optional.of(Problem.OTHER_ARCHITECTURE);
      }
      return exportsEntryPoint(header) ? Optional.empty() : Optional.of(Problem.NOT_PKCS11);
    }

    // e_machine against the JVM's os.arch; an architecture not listed here is not judged.
    private boolean forThisJvm(int machine) {
      String arch = System.getProperty("os.arch", "");
      int expected =
          switch (arch) {
            case "amd64", "x86_64" -> 62;
            case "aarch64" -> 183;
            case "x86", "i386", "i686" -> 3;
            case "arm" -> 40;
            case "riscv64" -> 243;
            default -> -1;
          };
      boolean jvm64 = !"32".equals(System.getProperty("sun.arch.data.model", "64"));
      return expected < 0 || machine == expected && wide == jvm64;
    }

    private boolean exportsEntryPoint(ByteBuffer header) throws IOException {
      long sectionsAt = wide ? header.getLong(0x28) : Integer.toUnsignedLong(header.getInt(0x20));
      int entrySize = Short.toUnsignedInt(header.getShort(wide ? 0x3A : 0x2E));
      int count = Short.toUnsignedInt(header.getShort(wide ? 0x3C : 0x30));
      if (sectionsAt == 0 || count == 0 || entrySize < (wide ? 64 : 40)) {
        return true; // no section table (stripped to the bone): only loading can tell
      }
      ByteBuffer sections = read(sectionsAt, (long) entrySize * count);
      for (int i = 0; i < count && (long) (i + 1) * entrySize <= sections.limit(); i++) {
        int at = i * entrySize;
        if (sections.getInt(at + 4) == SHT_DYNSYM) {
          int link = sections.getInt(at + (wide ? 40 : 24));
          if (link < 0 || link >= count || (long) (link + 1) * entrySize > sections.limit()) {
            return false;
          }
          return symbolDefined(sections, at, link * entrySize);
        }
      }
      return false;
    }

    private boolean symbolDefined(ByteBuffer sections, int symbolsAt, int stringsAt)
        throws IOException {
      ByteBuffer symbols = read(offset(sections, symbolsAt), size(sections, symbolsAt));
      ByteBuffer strings = read(offset(sections, stringsAt), size(sections, stringsAt));
      int symbolSize = wide ? 24 : 16;
      byte[] wanted = ENTRY_POINT.getBytes(StandardCharsets.US_ASCII);
      for (int at = 0; at + symbolSize <= symbols.limit(); at += symbolSize) {
        int name = symbols.getInt(at);
        int section = Short.toUnsignedInt(symbols.getShort(at + (wide ? 6 : 14)));
        if (section != SHN_UNDEF && named(strings, name, wanted)) {
          return true;
        }
      }
      return false;
    }

    private static boolean named(ByteBuffer strings, int at, byte[] wanted) {
      if (at < 0 || at + wanted.length >= strings.limit()) {
        return false;
      }
      for (int i = 0; i < wanted.length; i++) {
        if (strings.get(at + i) != wanted[i]) {
          return false;
        }
      }
      return strings.get(at + wanted.length) == 0;
    }

    private long offset(ByteBuffer sections, int at) {
      return wide ? sections.getLong(at + 24) : Integer.toUnsignedLong(sections.getInt(at + 16));
    }

    private long size(ByteBuffer sections, int at) {
      return wide ? sections.getLong(at + 32) : Integer.toUnsignedLong(sections.getInt(at + 20));
    }

    // Up to length bytes at position, fewer at the end of the file; a bad offset reads nothing.
    private ByteBuffer read(long position, long length) throws IOException {
      if (position < 0 || length < 0 || length > MAX_TABLE || position >= file.size()) {
        return ByteBuffer.allocate(0).order(order == null ? ByteOrder.LITTLE_ENDIAN : order);
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, file.size() - position));
      while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) > 0) {
        // read until full or the end of the file
      }
      buffer.flip();
      return buffer.order(order == null ? ByteOrder.LITTLE_ENDIAN : order);
    }
  }
}
