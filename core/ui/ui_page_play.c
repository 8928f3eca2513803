/* SPDX-License-Identifier: MIT */
/* ui_page_play.c: play mode (bees' PLAY page). The function keys drive SW ops 0..3 and the
 * encoders ENC ops, hardware encoders 1 and 2 swapped as bees' play page has them. What the
 * screen shows in play mode (the log of inputs and params whose play flag is set, or the
 * graphics ops' framebuffer) belongs to the platform, not to the editor. */
#include "ui_internal.h"

const uint8_t UI_PLAY_ENC_OP[4] = {0, 2, 1, 3};

void ui_play_key(ui_t *ui, uint8_t key, bool pressed) {
  if (ui->net && key < 4) net_switch(ui->net, key, pressed);
}

void ui_play_encoder(ui_t *ui, uint8_t n, int16_t delta) {
  if (ui->net && n < 4) net_encoder(ui->net, UI_PLAY_ENC_OP[n], delta);
}
