package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.ImageStep;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;

/**
 * The commands of the image bot (seed 003) and their buttons: /prompt and /generate
 * ({@link PromptFlow}), /refs and /clear ({@link RefsFlow}), /settings ({@link SettingsFlow}),
 * /history ({@link GenerationsFlow}).
 */
public final class ImageCommands {

  private final FlowKit kit;
  private final PromptFlow prompts;
  private final RefsFlow refs;
  private final SettingsFlow settings;
  private final GenerationsFlow generations;

  public ImageCommands(FlowKit kit, PromptFlow prompts, RefsFlow refs, SettingsFlow settings,
      GenerationsFlow generations) {
    this.kit = kit;
    this.prompts = prompts;
    this.refs = refs;
    this.settings = settings;
    this.generations = generations;
  }

  public void prompt(ChatUser user, String argument) {
    prompts.prompt(user, argument);
  }

  public void generate(ChatUser user) {
    prompts.generate(user);
  }

  public void refs(ChatUser user) {
    refs.show(user);
  }

  public void clear(ChatUser user) {
    refs.clear(user, null);
  }

  public void settings(ChatUser user, String argument) {
    settings.command(user, argument);
  }

  public void history(ChatUser user) {
    generations.show(user, null, 0);
  }

  /** A press on one of their stored buttons by its owner. */
  public void press(ChatUser user, CallbackQuery query, ImageStep step) {
    if (step instanceof ImageStep.Generate) {
      kit.replies().answer(query.getId(), null);
      prompts.generate(user);
    } else if (step instanceof ImageStep.AddReferences) {
      refs.startAdding(user, query);
    } else if (step instanceof ImageStep.FinishReferences) {
      refs.finish(user, query);
    } else if (step instanceof ImageStep.RemoveReference remove) {
      refs.remove(user, query, remove.key());
    } else if (step instanceof ImageStep.ClearReferences) {
      refs.clear(user, query);
    } else if (step instanceof ImageStep.ChooseRatio ratio) {
      settings.chooseRatio(user, query, ratio.ratio());
    } else if (step instanceof ImageStep.ChooseSize size) {
      settings.chooseSize(user, query, size.size());
    } else if (step instanceof ImageStep.GenerationsPage page) {
      kit.replies().answer(query.getId(), null);
      generations.show(user, query, page.page());
    } else if (step instanceof ImageStep.Resend resend) {
      generations.resend(user, query, resend.jobId());
    }
  }
}
