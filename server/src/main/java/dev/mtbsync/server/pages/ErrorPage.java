package dev.mtbsync.server.pages;

import dev.mtbsync.server.html.Templates;

/**
 * The page model of {@code templates/error/index.jte}: what went wrong, in one line.
 *
 * @param status the HTTP status
 * @param title its meaning in words
 * @param message what is wrong
 */
public record ErrorPage(int status, String title, String message) {

  public static String render(int status, String message) {
    String title =
        switch (status) {
          case 400 -> "Bad request";
          case 403 -> "Not allowed";
          case 404 -> "Not found";
          default -> "Something went wrong";
        };
    return Templates.render("error/index.jte", "page", new ErrorPage(status, title, message));
  }
}
