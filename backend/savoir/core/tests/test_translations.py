from django.core.management import call_command


def test_every_server_message_has_a_french_translation_and_the_mo_is_current():
    # Raises CommandError listing each untranslated message or a stale .mo file.
    call_command("compile_translations", "--check")
