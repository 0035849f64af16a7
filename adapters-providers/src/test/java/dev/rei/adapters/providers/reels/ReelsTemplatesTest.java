package dev.rei.adapters.providers.reels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.adapters.providers.ReelsJobParameters.Template;
import dev.rei.adapters.providers.reels.ReelsTemplates.ScriptTemplate;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled script templates, and the directory operators override them from. */
class ReelsTemplatesTest {

  @TempDir
  Path dir;

  @Test
  void theBundledTemplates_areRussian_andAskForASora2Prompt() {
    ReelsTemplates templates = ReelsTemplates.bundled();

    for (Template template : new Template[] {Template.UGC, Template.AD}) {
      ScriptTemplate script = templates.of(template);
      assertThat(script.system()).isNotBlank().containsPattern("[а-яА-Я]{5,}");
      assertThat(script.instructions()).contains("Sora 2").containsPattern("[а-яА-Я]{5,}");
    }
    assertThat(templates.of(Template.UGC).system()).contains("UGC");
    assertThat(templates.of(Template.AD).system()).containsIgnoringCase("реклам");
    assertThatThrownBy(() -> templates.of(Template.OWN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAnOverrideDirectory_itsFilesWin_andMissingOnesFallBack() throws IOException {
    Files.writeString(dir.resolve("ugc.system.txt"), "  Ты — блогер-тестировщик.\n");
    Files.writeString(dir.resolve("ad.instructions.txt"), "Write an ad prompt in English.");

    ReelsTemplates templates = ReelsTemplates.load(Optional.of(dir));

    assertThat(templates.of(Template.UGC).system()).isEqualTo("Ты — блогер-тестировщик.");
    assertThat(templates.of(Template.UGC).instructions())
        .isEqualTo(ReelsTemplates.bundled().of(Template.UGC).instructions());
    assertThat(templates.of(Template.AD).instructions()).isEqualTo("Write an ad prompt in English.");
    assertThat(templates.of(Template.AD).system()).isEqualTo(ReelsTemplates.bundled().of(Template.AD).system());
  }

  @Test
  void givenAnEmptyOrBlankFile_theBundledDefaultIsUsed() throws IOException {
    Files.writeString(dir.resolve("ugc.system.txt"), "");
    Files.writeString(dir.resolve("ad.system.txt"), " \n\t\n");

    ReelsTemplates templates = ReelsTemplates.load(Optional.of(dir));

    assertThat(templates.of(Template.UGC).system()).isEqualTo(ReelsTemplates.bundled().of(Template.UGC).system());
    assertThat(templates.of(Template.AD).system()).isEqualTo(ReelsTemplates.bundled().of(Template.AD).system());
  }

  @Test
  void givenAByteOrderMark_itIsNotPartOfTheText() throws IOException {
    Files.write(dir.resolve("ugc.system.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'});

    assertThat(ReelsTemplates.load(Optional.of(dir)).of(Template.UGC).system()).isEqualTo("hi");
  }

  @Test
  void givenAFileThatCannotBeRead_loadingFails_namingIt() throws IOException {
    Files.createDirectory(dir.resolve("ad.system.txt"));

    assertThatThrownBy(() -> ReelsTemplates.load(Optional.of(dir)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ad.system.txt");
  }

  @Test
  void givenAFileNotInUtf8_loadingFails() throws IOException {
    Files.write(dir.resolve("ugc.instructions.txt"), "Напиши промпт".getBytes(Charset.forName("windows-1251")));

    assertThatThrownBy(() -> ReelsTemplates.load(Optional.of(dir)))
        .hasMessageContaining("ugc.instructions.txt").hasMessageContaining("UTF-8");
  }

  @Test
  void givenAHugeFile_loadingFails() throws IOException {
    Files.writeString(dir.resolve("ugc.system.txt"), "x".repeat(ReelsTemplates.MAX_FILE_BYTES + 1),
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ReelsTemplates.load(Optional.of(dir))).hasMessageContaining("larger than");
  }

  @Test
  void givenADirectoryThatDoesNotExist_loadingFails() {
    assertThatThrownBy(() -> ReelsTemplates.load(Optional.of(dir.resolve("missing"))))
        .hasMessageContaining("REELS_TEMPLATES_DIR").hasMessageContaining("not a directory");
  }
}
