#!/usr/bin/env python3
"""Tests of the news attribution rules, each on a short text written for
the test: who is named as the speaker of each quote.

    python3 -m unittest tests.test_news_rules        # from the repository root
"""

import os
import sys
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

import quotes  # noqa: E402
from quotes import extract  # noqa: E402

NEWS_OPENING = ("The city council met on Tuesday to vote on the 2024 budget, "
                "officials said, according to a statement.\n\n")


def speakers(text):
    return [q.speaker for q in extract(NEWS_OPENING + text)]


class CueSubjects(unittest.TestCase):

    def test_clause_after_said_is_not_the_speaker(self):
        text = 'Rosa Delgado, a spokeswoman for the port, said the board was "fully behind the plan."'
        self.assertEqual(speakers(text), ["Rosa Delgado"])

    def test_object_of_a_participle_is_not_the_speaker(self):
        text = ('Tom Brandt stood by the vote, calling the heckler "a man who wants a fight."\n\n'
                'Last spring, Nella Pryce hailed the new pier, telling the Kelby Post: "No town has a better one."\n\n'
                'Ivo Lind turned on the mayor, saying the mayor "does not read the budget."')
        self.assertEqual(speakers(text), ["Tom Brandt", "Nella Pryce", "Ivo Lind"])

    def test_retort_after_a_clause_about_someone_else(self):
        text = ('After Tom Brandt mocked the port at a public forum, Nella Pryce shot back, '
                '"Better a port than a press release."\n\n'
                'When Brandt hinted that the port might take the town to court, Pryce fired back '
                'sharply: "Then we will see them there."')
        self.assertEqual(speakers(text), ["Nella Pryce", "Nella Pryce"])

    def test_clause_after_said_with_a_pronoun_is_not_an_inverted_cue(self):
        text = ('Ivo Lind, a baker who sits on the harbour panel, said he had never heard Brandt '
                '"raise his voice" in a session.\n\n'
                'Nella Pryce, who heads the Harbour Fund, said she fears the council '
                '"will sink with the toll."')
        self.assertEqual(speakers(text), ["Ivo Lind", "Nella Pryce"])

    def test_participle_after_with_names_its_subject(self):
        text = ('The board would not discuss the memo, with spokesman Ivo Lind saying, '
                '"Leaks get no answer from us."\n\n'
                'Councillors answered within the hour, with Nella Pryce tweeting that the memo was a '
                '"scandal" for the port.')
        self.assertEqual(speakers(text), ["Ivo Lind", "Nella Pryce"])

    def test_verb_after_its_subject_is_not_inverted(self):
        text = ('Nella Pryce, holding up a copy of the budget, asked the Kelby crowd "Who pays for this?"\n\n'
                'Ivo Lind, who teaches planning at the Harbour Institute, calls the new quay "a folly" since '
                'hardly any ships call there.')
        self.assertEqual(speakers(text), ["Nella Pryce", "Ivo Lind"])

    def test_share_of_people_polled_speaks(self):
        text = ('Only 41 percent of drivers agreed that the toll is "fair," while 58 percent '
                'said the same of the parking fee. However, 66 percent said the council was "wise" to act.')
        self.assertEqual(speakers(text), ["Only 41 percent", "66 percent"])

    def test_sentence_opening_with_and_after_the_quote_is_not_its_cue(self):
        text = ('Dockers at the gate shouted "Shut the yard," and "No more tolls." '
                'And Brandt decried a rise in theft along the quay.')
        self.assertNotIn("Brandt", speakers(text))

    def test_clause_after_the_quote_has_its_own_speaker(self):
        text = ('In a statement, the Harbour Board said the walkout was "reckless and needless" '
                'and that its door would stay open.')
        self.assertEqual(speakers(text), ["Harbour Board"])

    def test_likening_is_a_cue(self):
        text = 'Another critic, Ivo Lind, likened the toll to "robbing the poor" at the hearing.'
        self.assertEqual(speakers(text), ["Ivo Lind"])

    def test_what_and_a_name_before_a_cue_verb(self):
        text = ('Kelby bid for the fair hoping to lose what Lind called '
                '"a sleepy image."\n\n'
                'The vote brought what aide Ivo Lind called "a fresh start" in his memoir.\n\n'
                'Brandt held the ward in 1998, in what Nella Pryce, treasurer for the other '
                'slate, called "a street fight."')
        self.assertEqual(speakers(text), ["Lind", "Ivo Lind", "Nella Pryce"])

    def test_who_before_a_cue_verb_is_the_name_before_it(self):
        text = ('The defeat hurt Tom Brandt, who said he planned to "rest for a week."\n\n'
                'Lind picked up the backing of a fellow councillor, Nella Pryce, who declared '
                'at the rally, "We stand together now."')
        self.assertEqual(speakers(text), ["Tom Brandt", "Nella Pryce"])

    def test_who_as_the_object_of_a_cue_is_not_the_speaker(self):
        text = ('Tom Brandt spoke for an hour.\n\nHe mocked the budget drawn up by Ivo Lind, who he '
                'noted was "on his way out."')
        self.assertNotEqual(speakers(text), ["Ivo Lind"])

    def test_relative_clause_naming_someone_else(self):
        text = ('Hollis, who was treasurer when Marten ran the board, said Marten '
                'had a "steady hand" with money.')
        self.assertEqual(speakers(text), ["Hollis"])

    def test_name_before_a_body_with_lower_case_words(self):
        text = ('"The toll is a tax on the poor," says Ivo Lind of the non-partisan '
                'Harbour-Dale Policy Report.')
        self.assertEqual(speakers(text), ["Ivo Lind"])

    def test_opening_adverb_is_no_name(self):
        text = ('Earlier this month, Rosa Delgado, who ran the port for a decade, '
                'conceded the delays were "hard to defend."')
        self.assertEqual(speakers(text), ["Rosa Delgado"])

    def test_inverted_subject_with_appositive(self):
        text = 'Then, said Rosa Delgado, the port director, "We will reopen the dock."'
        self.assertEqual(speakers(text), ["Rosa Delgado"])

    def test_verb_right_before_the_quote_is_the_cue(self):
        text = ('Asked if he thought that the toll went too far, Varga responded: '
                '"Not at all."')
        self.assertEqual(speakers(text), ["Varga"])

    def test_saying_that_is_a_clause(self):
        text = ('Marten Hollis criticised the budget, saying that the mayor '
                '"has no idea what roads cost."')
        self.assertEqual(speakers(text), ["Marten Hollis"])

    def test_phrase_quoted_between_the_subject_and_its_cue(self):
        text = ('"We will appeal," Dana Oyelaran said after the hearing.\n\n'
                'Her landlord, who had put up the "no pets" sign in the hall, said: '
                '"Rules are rules, and the tenants all signed them."')
        found = extract(NEWS_OPENING + text)
        self.assertEqual(found[-1].speaker, "Her landlord")
        self.assertEqual(found[-1].cue, "said")


class SpeechOverParagraphs(unittest.TestCase):

    def test_colon_before_speech_over_three_paragraphs(self):
        text = ('In a speech on Friday, Ivo Maric said:\n\n"We came to talk.\n\n'
                '"We will stay as long as it takes.\n\n"Nothing more."')
        self.assertEqual(speakers(text), ["Ivo Maric"])


class SpeechVerbs(unittest.TestCase):

    def test_less_common_cue_verbs(self):
        text = ('"The fares are a scandal," Ivo Maric alleged.\n\n'
                '"We never raised them," shot back Nella Pryce.\n\n'
                '"Not once," Pryce reiterated.\n\n'
                '"Ferries are late again," blogged Tom Brandt.')
        self.assertEqual(speakers(text), ["Ivo Maric", "Nella Pryce", "Nella Pryce", "Tom Brandt"])


class SentenceSubject(unittest.TestCase):

    def test_participle_cue_takes_the_main_subject(self):
        text = 'At the hearing, Hollis went after Delgado, calling her plan "a fantasy."'
        self.assertEqual(speakers(text), ["Hollis"])

    def test_quoted_words_in_a_sentence_without_a_cue(self):
        text = 'Marten Hollis blamed the delays on "a decade of neglect" at the port.'
        self.assertEqual(speakers(text), ["Marten Hollis"])

    def test_colon_after_a_sentence_about_the_speaker(self):
        text = 'Rosa Delgado apologized on Friday: "I was wrong about the dock."'
        self.assertEqual(speakers(text), ["Rosa Delgado"])

    def test_subject_with_role_and_bracket(self):
        text = ('Former port spokesman Ivo Brandt (Ind.) mocked "the harbour club" at the hearing.\n\n'
                'Nella Pryce, chair of the board, a post she has held since 2019, rejects the talk of "a fair deal."')
        self.assertEqual(speakers(text), ["Ivo Brandt", "Nella Pryce"])

    def test_a_verb_between_two_names_is_no_role(self):
        text = 'Ivo Brandt heckles Pryce supporters: "You are wrong."'
        self.assertNotEqual(speakers(text), ["Pryce"])

    def test_no_subject_no_speaker(self):
        text = 'Supporters of the plan waved signs reading "Build it now" outside.'
        self.assertEqual(speakers(text), [None])

    def test_name_and_colon_open_the_paragraph(self):
        text = 'Rosa Delgado, port director: "The dock opens in May."'
        self.assertEqual(speakers(text), ["Rosa Delgado"])


class Genre(unittest.TestCase):

    def test_quoted_first_person_does_not_make_news_fiction(self):
        # Paragraphs of quotes full of "I" are still a news report: the
        # pronoun after the quotes finds the person named in the narration.
        text = ('Rosa Delgado, the port director, spoke first. "I think I can fix it," '
                'said Delgado. "I know I can."\n\n'
                'Marten Hollis, a shipping agent, said the dock was late.\n\n'
                '"I will wait and I will see," he said.')
        self.assertEqual(speakers(text)[-1], "Marten Hollis")


class CueAfterQuote(unittest.TestCase):

    def test_appositive_with_a_shortened_region(self):
        text = '"I do not trust the port," Ana Lind, 67, a retired nurse in Kelby, Ont., said in an interview.'
        self.assertEqual(speakers(text), ["Ana Lind"])

    def test_more_verbs_of_reporting(self):
        text = ('"We have the best port in the north," Nella Pryce bragged.\n\n'
                '"Drivers will stay away," Ivo Lind surmised.')
        self.assertEqual(speakers(text), ["Nella Pryce", "Ivo Lind"])

    def test_unlisted_past_tense_before_a_name(self):
        text = ('Tom Brandt spoke at the harbour on Sunday.\n\n'
                '"Brandt calls the quay a triumph. Who is he trying to fool?" '
                'reacted Nella Pryce.')
        self.assertEqual(speakers(text), ["Nella Pryce"])

    def test_name_shaped_like_a_participle(self):
        text = '"The dock opens in May," Breed said. "We are ready."\n\n"It is late," Kelly told us.'
        self.assertEqual(speakers(text), ["Breed", "Breed", "Kelly"])

    def test_subject_holding_a_verb_like_word(self):
        text = '"The fees will rise," the email said.'
        self.assertEqual(speakers(text), ["email"])

    def test_description_with_its_attachment(self):
        text = '"We have no comment," a spokesman for the Harbour Board said.'
        self.assertEqual(speakers(text), ["a spokesman for the Harbour Board"])

    def test_name_in_apposition_after_the_verb(self):
        text = '"We are ready," said the port\'s deputy director, Ivo Varga, who ran the vote.'
        self.assertEqual(speakers(text), ["Ivo Varga"])

    def test_party_and_state_in_brackets(self):
        text = '"We are ready," Sen. Ivo Varga (R-Maine) said on Monday.'
        self.assertEqual(speakers(text), ["Ivo Varga"])

    def test_description_speaker_is_its_head(self):
        text = '"He is furious," said a source close to the mayor.'
        self.assertEqual(speakers(text), ["a source"])

    def test_any_description_right_after_the_quote(self):
        text = '"The council acted in bad faith," the petition reads.'
        self.assertEqual(speakers(text), ["petition"])


class SentenceOfItsOwn(unittest.TestCase):

    def test_subject_of_is_and_a_description_is_not_the_speaker(self):
        text = ('Brandt\'s sour mood was far from the kind remarks of his cousin '
                'Nella Pryce, who called him "the port\'s best friend."')
        self.assertNotEqual(speakers(text), ["Brandt's gloomy tone"])

    def test_new_subject_after_a_quote_in_the_paragraph(self):
        text = ('"We won the vote," Tom Brandt said. Nella Pryce resisted: '
                '"The port cannot pay for it."')
        self.assertEqual(speakers(text), ["Tom Brandt", "Nella Pryce"])

    def test_passive_sentence_goes_on_with_the_speaker(self):
        text = ('"The rules are clear," Nella Pryce said. A paper is deemed "secret" '
                'if it names a source.')
        self.assertEqual(speakers(text), ["Nella Pryce", "Nella Pryce"])


class DescriptionSubject(unittest.TestCase):

    def test_sentence_opened_by_a_description(self):
        text = 'The report calls the new toll "a tax on commuters" and urges a vote.'
        self.assertEqual(speakers(text), ["report"])


class Titles(unittest.TestCase):

    def test_name_a_person_calls_someone_is_their_words(self):
        text = 'At the rally Marten Hollis called the mayor "Queen Of Potholes" twice.'
        self.assertEqual(speakers(text), ["Marten Hollis"])

    def test_a_thing_called_something_is_a_title(self):
        text = 'Delgado hosts a radio show called "Harbour Hour" on weekends.'
        self.assertEqual(speakers(text), [None])

    def test_capitalised_words_after_a_verb_are_quoted_words(self):
        text = 'Nella Pryce likes "Harbour Hour" more than any other show.'
        self.assertEqual(speakers(text), ["Nella Pryce"])

    def test_show_named_after_a_cue_is_a_title(self):
        text = '"The dock will open," Rosa Delgado said on "Harbour Hour" this week.'
        self.assertEqual(speakers(text), ["Rosa Delgado", None])

    def test_title_does_not_end_the_speech(self):
        text = ('"The dock will open," Rosa Delgado said on "Harbour Hour" this week.'
                '\n\n"We are ready for the ships."')
        self.assertEqual(speakers(text), ["Rosa Delgado", None, "Rosa Delgado"])


class Names(unittest.TestCase):

    def test_capitalised_role_before_a_given_name(self):
        text = ('Harbour Board Republican Mike Varga, who has read the plans, agreed.\n\n'
                '"The dock is a risk," he said.')
        self.assertEqual(speakers(text), ["Mike Varga"])

    def test_organisation_whose_name_opens_with_a_role_word(self):
        text = ('According to the National Tide Office, "the surge peaks at noon."\n\n'
                '"Boats must stay in port," the Deputy Harbour Authority said.\n\n'
                'The NTO added: "Expect a second surge."')
        self.assertEqual(speakers(text), ["National Tide Office", "Deputy Harbour Authority",
                                          "National Tide Office"])

    def test_role_words_after_the_name_stay(self):
        text = '"We will appeal," Myo Tun of the National Harbour League said.'
        self.assertEqual(speakers(text), ["Myo Tun of the National Harbour League"])

    def test_name_then_role_appositive_before_a_tail(self):
        text = 'Nella Pryce, Director of the Harbour Trust, also questions the "fair deal" talk.'
        self.assertEqual(speakers(text), ["Nella Pryce"])

    def test_role_of_an_organisation_before_the_name(self):
        text = ('The executive director of the Harbour Trust Tony Varga said the toll was unfair. '
                '"Drivers pay twice."')
        self.assertEqual(speakers(text), ["Tony Varga"])

    def test_person_named_with_the_body_she_belongs_to(self):
        text = ('"The data is clear," Hannah Weil of Dunmore University said.\n\n'
                'Prof. Ivo Brandt of the Harbour Institute said, "It is not."\n\n'
                'Sen. Nella Pryce of Ohio said the bill was "dead."')
        self.assertEqual(speakers(text), ["Hannah Weil", "Ivo Brandt", "Nella Pryce"])

    def test_small_words_inside_a_name(self):
        text = '"No comment," Maria del Carmen Ortega said.'
        self.assertEqual(speakers(text), ["Maria del Carmen Ortega"])

    def test_role_of_a_country_is_its_bearer(self):
        text = ('The Kirovan president, Ivo Maric, met Dorvian President Anna Kell '
                'for two hours at the lake house on Friday.\n\n'
                '"We will not give up land," Kirova\'s president said.\n\n'
                '"Nor will we," Dorvia\'s president replied.\n\n'
                '"It is a start," another Kirovan official said.')
        self.assertEqual(speakers(text), ["Ivo Maric", "Anna Kell", "another Kirovan official"])

    def test_a_countrys_leader_is_its_president_or_prime_minister(self):
        text = ('Kirovan President Ivo Maric met Dorvian Prime Minister Anna Kell '
                'at the lake house on Friday.\n\n'
                '"We will not give up land," the Kirovan leader said.\n\n'
                '"Nor will we," Dorvia\'s leader replied.')
        self.assertEqual(speakers(text), ["Ivo Maric", "Anna Kell"])

    def test_role_right_before_a_name_in_narration(self):
        text = ('Board chair Nella Pryce opened the meeting.\n\n"It is fair," the chair said.\n\n'
                'Tom Brandt, the union\'s spokesman, walked out.\n\n"We are done," the spokesman said.')
        self.assertEqual(speakers(text), ["Nella Pryce", "Tom Brandt"])

    def test_role_of_another_body_is_someone_else(self):
        text = ('KRLD host Tom Brandt asked about the toll on Monday.\n\n'
                '"It is a scandal," the WBXT host said.')
        self.assertEqual(speakers(text), ["WBXT host"])

    def test_a_body_described_by_its_words(self):
        text = ('The Ministry of Harbours approved the plan after a long review of what it '
                'would cost. The Ministry of Finance had doubts about the price of the boats.\n\n'
                '"It is sound," the harbours ministry said.')
        self.assertEqual(speakers(text), ["Ministry of Harbours"])

    def test_long_title_ending_in_a_name(self):
        text = '"We are ready," said State Superintendent of Education Inez Valdor.'
        self.assertEqual(speakers(text), ["Inez Valdor"])

    def test_surname_first_then_full_name(self):
        text = ('Varga Wins Harbour Vote\n\nMike Varga won the harbour vote on Sunday.\n\n'
                '"We did it," Varga said.')
        self.assertEqual(speakers(text), ["Mike Varga"])

    def test_pronoun_after_an_opening_word(self):
        text = ('Tom Brandt sued the board in May.\n\n"It is a fair deal," Nella Pryce said.\n\n'
                'Yesterday Brandt dropped the suit. "I am done with it," he said.')
        self.assertEqual(speakers(text), ["Nella Pryce", "Tom Brandt"])

    def test_an_age_marks_a_person(self):
        text = ('"It is a fair deal," Nella Pryce said.\n\n'
                'Tomas Lind, 44, rents a stall at the market. "The fees are too high," he said.')
        self.assertEqual(speakers(text), ["Nella Pryce", "Tomas Lind"])


class LaterCuesAndNearestSubject(unittest.TestCase):

    def test_cue_closing_the_sentence(self):
        text = 'The toll is "a fraud" on drivers, said Nella Pryce, a councillor.'
        self.assertEqual(speakers(text), ["Nella Pryce"])

    def test_cue_closing_the_sentence_subject_first(self):
        text = 'The toll is "a fraud" on drivers, Nella Pryce said in a statement.'
        self.assertEqual(speakers(text), ["Nella Pryce"])

    def test_as_and_a_cue_closing_the_sentence(self):
        text = ('The key word is "seaworthy," as a port memo put it.\n\n'
                'The port is "running out of road," as Ivo Lind, a professor at the '
                'Kelby Institute, puts it.\n\n'
                'The toll is "a tax on the poor," as Nella Pryce noted in March.')
        self.assertEqual(speakers(text), ["a port memo", "Ivo Lind", "Nella Pryce"])

    def test_as_with_a_clause_of_its_own_is_no_cue(self):
        text = 'The toll is "a tax on the poor," as Nella Pryce said it would be once the vote was in.'
        self.assertEqual(speakers(text), ["Nella Pryce"])

    def test_later_cue_comes_before_the_sentence_of_reported_speech(self):
        text = ('Tom Brandt said he would back the toll if it passed.\n\n'
                '"This will be a test" for the council, said Nella Pryce.')
        self.assertEqual(speakers(text), ["Nella Pryce"])

    def test_nearest_subject_when_nothing_else(self):
        text = ('"It is a fair deal," Tom Brandt said.\n\n'
                'Nella Pryce, 51, has fought the toll for years.\n\n'
                '"Drivers pay twice."')
        self.assertEqual(speakers(text), ["Tom Brandt", "Nella Pryce"])

    def test_name_with_an_appositive_holding_names(self):
        text = ('"The deal is fair," Nella Pryce, legal director of the Harbour Trust '
                'Fund, said in a statement.')
        self.assertEqual(speakers(text), ["Nella Pryce"])


class DescriptionSubjects(unittest.TestCase):

    def test_description_cut_before_its_modifier(self):
        text = 'Dockers outside the depot chanted "No toll, no vote" until dark.'
        self.assertEqual(speakers(text), ["Dockers"])

    def test_description_with_a_relative_clause(self):
        text = ('One harbour pilot who asked not to be named described the channel '
                'as "a trap for big ships."')
        self.assertEqual(speakers(text), ["One harbour pilot"])

    def test_group_without_an_article(self):
        text = ('"Two men were arrested," police said.\n\n'
                '"The flames were huge," said witnesses.\n\n'
                '"We heard a bang," local residents told reporters.')
        self.assertEqual(speakers(text), ["police", "witnesses", "local residents"])

    def test_whatever_according_to_names_is_the_source(self):
        text = ('"Prices will rise," according to the central bank.\n\n'
                'The fire was "almost certainly arson," according to police.')
        self.assertEqual(speakers(text), ["central bank", "police"])

    def test_person_familiar_with_the_matter(self):
        text = ('"Nothing is agreed," said one person familiar with the talks.\n\n'
                '"It is close," a person familiar with the matter said.')
        self.assertEqual(speakers(text), ["one person", "a person"])

    def test_share_of_a_group_is_cut_to_its_head(self):
        text = 'Forty percent of drivers called the toll "unfair" in the survey.'
        self.assertEqual(speakers(text), ["Forty percent"])

    def test_statement_speaks_for_whoever_issued_it(self):
        text = 'A statement issued by the Harbour Trust on Monday called the toll "a fraud on drivers."'
        self.assertEqual(speakers(text), ["Harbour Trust"])

    def test_role_given_in_an_appositive(self):
        text = ('Korvan Shipping, a Danish freight company, bought the dock on Friday.\n\n'
                '"We will expand the yard next year," the company said.')
        self.assertEqual(speakers(text), ["Korvan Shipping"])

    def test_any_calling_given_in_an_appositive(self):
        text = ('"The books are in order," said Oren Falk, the harbour treasurer.\n\n'
                '"We stand by the audit," the treasurer said.')
        self.assertEqual(speakers(text), ["Oren Falk", "Oren Falk"])

    def test_appositive_role_is_its_head_noun(self):
        text = ('Ines Moro, a spokeswoman for the harbour authority, said the ships were late.\n\n'
                '"We regret the delay," the authority said.')
        self.assertEqual(speakers(text), ["authority"])

    def test_role_in_front_of_a_name_is_its_last_word(self):
        text = ('"We had no choice," said harbour board chair Selma Ortiz.\n\n'
                '"Fees are fees," the chairwoman added.')
        self.assertEqual(speakers(text), ["Selma Ortiz", "Selma Ortiz"])

    def test_description_then_name_in_commas_is_the_subject(self):
        text = ('The harbour master, Ines Moro, called the plan "a fair start."\n\n'
                '"It is late," the harbour master said.')
        self.assertEqual(speakers(text), ["Ines Moro", "Ines Moro"])

    def test_it_after_a_verb_is_its_object(self):
        text = 'Tomas Lind, who ran the port for years, called it "a fine day for the town."'
        self.assertEqual(speakers(text), ["Tomas Lind"])

    def test_quote_after_a_guess_is_weighed_afresh(self):
        text = ('"It is a fair deal," Tom Brandt said.\n\nNella Pryce has fought the toll for years '
                'and calls it "a tax on the poor." Dockers outside the depot chanted '
                '"no toll, no vote" all night.')
        self.assertEqual(speakers(text), ["Tom Brandt", "Nella Pryce", "Dockers"])

    def test_title_before_a_comma_and_a_name(self):
        text = ('Harbour Trust Chief Executive, Ivo Lind opened the new quay on Monday.\n\n'
                'Pressed on the fees, the Chief Executive said "No ship will pay more this year."')
        self.assertEqual(speakers(text), ["Ivo Lind"])

    def test_description_after_an_opening_phrase(self):
        text = 'Across the harbour, dockers have been startled by the "reckless" plan.'
        self.assertEqual(speakers(text), ["dockers"])

    def test_roles_as_descriptions(self):
        text = ('"The talks are over," the envoy said.\n\n'
                '"We played badly," the head coach said.')
        self.assertEqual(speakers(text), ["envoy", "head coach"])

    def test_possessive_alone_is_no_subject(self):
        self.assertIsNone(quotes.description_subject("Pryce's aides, in a memo, called ", 0))


class Headlines(unittest.TestCase):

    def test_name_and_colon_open_a_headline(self):
        text = 'Pryce: Harbour Toll Is \u2018A Fraud On Drivers\u2019\n\nThe council voted on Monday.'
        self.assertEqual(speakers(text), ["Pryce"])

    def test_quote_under_a_headline(self):
        text = ('The council voted on Monday.\n\nNella Pryce Says The Toll Must Go.\n\n'
                '"Drivers pay twice, and they know it."')
        self.assertEqual(speakers(text), ["Nella Pryce"])

    def test_headline_opens_with_its_speaker(self):
        text = 'Nella Pryce Calls Toll \u2018A Fraud\u2019 At Hearing\n\nThe council voted on Monday.'
        self.assertEqual(speakers(text), ["Nella Pryce"])

    def test_heading_with_a_speech_verb_opens_a_paragraph_of_quotes(self):
        text = ('Pryce Said Of The Toll, "It Is A Fraud On Drivers." "We will fight it in court." '
                '[Harbour Forum, 3/2/21.]\n\n'
                'Pryce Joked It Was "Risky" To Speak At The Depot. "They may not let me out." '
                '[Depot Talk, 5/2/21.]')
        self.assertEqual(speakers(text), ["Pryce"] * 4)


class Pronouns(unittest.TestCase):

    def test_he_after_a_sentence_closed_by_a_cue(self):
        text = ('"It is fine," Nella Pryce said.\n\n'
                'The toll had hurt Pryce and the market, Tomas Lind said.\n\n'
                '"They are trying to win," he said.')
        self.assertEqual(speakers(text), ["Nella Pryce", "Tomas Lind"])

    def test_name_before_a_role_is_not_the_subject(self):
        text = ('Tom Brandt spoke on Monday.\n\nBrandt senior communications adviser Ivo Varga '
                'said the plan was sound.\n\n"We will win the vote," he said.')
        self.assertEqual(speakers(text), ["Ivo Varga"])

    def test_capitalised_word_before_a_role_is_no_person(self):
        text = ('"We will fight," Ivo Lind said.\n\nTom Brandt spoke first. Brandt\'s main Liberal '
                'rival, Councillor Ivo Lind, missed the hearing. He spoke at a dock rally, where '
                'he promised to be "a friend to the port."')
        self.assertEqual(speakers(text), ["Ivo Lind", "Ivo Lind"])
        sentence = "Brandt's main Liberal rival, Councillor Ivo Lind, missed the hearing."
        self.assertTrue(quotes._modifies_name(sentence, sentence.index(" rival"), len(sentence)))

    def test_name_before_a_clause_is_the_subject_not_a_role(self):
        text = ('"It is unfair," Ivo Lind said.\n\n"We will appeal," Tom Brandt said.\n\n'
                'Did that mean Lind would back Brandt?\n\n"Not a chance," he said.')
        self.assertEqual(speakers(text), ["Ivo Lind", "Tom Brandt", "Ivo Lind"])

    def test_he_goes_on_about_the_name_before(self):
        text = ('"It is fine," Nella Pryce said.\n\n'
                'Tomas Lind takes a softer line. He said he would rather see the money '
                'spent on roads than on Pryce.\n\n"They are trying to win," he said.')
        self.assertEqual(speakers(text), ["Nella Pryce", "Tomas Lind"])

    def test_full_name_opening_the_sentence_before(self):
        # Named in the narration earlier without any sign of being a person,
        # then the subject of the sentence right before "she said".
        text = ('Dara Quist and Tomas Lind were both on the list.\n\n'
                '"We will fund it," said Tomas Lind.\n\n'
                'Dara Quist spoke next. "The clinic is full," she said.')
        self.assertEqual(speakers(text), ["Tomas Lind", "Dara Quist"])


class PronounsAfterACue(unittest.TestCase):

    def test_subject_met_for_the_first_time_over_a_name_in_the_predicate(self):
        text = ('Tom Brandt, the mayor, backs the toll.\n\nHarbour developer Ivo Lind voiced '
                'doubts about the plans of Brandt. "It cannot work," he said.')
        self.assertEqual(speakers(text), ["Ivo Lind"])

    def test_pronoun_goes_on_with_the_speaker_just_quoted(self):
        text = ('Speaking at a rally in Port Ellen, Nella Pryce went after Brandt, calling him '
                '"a stiff." She says, "He has no plan at all for the harbour."')
        self.assertEqual(speakers(text), ["Nella Pryce", "Nella Pryce"])

    def test_added_after_a_cue_before(self):
        text = ('In a statement released Thursday, Tom Brandt reacted to the vote, saying: '
                '"We won this one." "It will pass," he added.')
        self.assertEqual(speakers(text), ["Tom Brandt", "Tom Brandt"])

    def test_given_names_from_elsewhere_tell_the_sex(self):
        text = ('Ivo Maric met the port lawyer Ingrid Solberg for two hours on Friday '
                'to go over the new contract.\n\n"It went well," she said.')
        self.assertEqual(speakers(text), ["Ingrid Solberg"])

    def test_a_new_subject_of_the_other_sex_is_not_she(self):
        text = 'David Moreno met Sarah Kell on Friday.\n\n"It went well," she said.'
        self.assertEqual(speakers(text), ["Sarah Kell"])

    def test_her_after_a_name_is_someone_else(self):
        text = ('"We stand with the mayor," Councillor Lind said, backing her up.\n\n'
                'The vote is on Friday.\n\n"It will pass," he said.')
        self.assertEqual(speakers(text), ["Councillor Lind", "Councillor Lind"])

    def test_who_after_a_name_shows_a_person(self):
        text = ('The Harbour Board voted 9-2 against the toll.\n\nOne of the callers was '
                'Ines Halloran, who admitted she had phoned them.\n\n"It was a fair question," she said.')
        self.assertEqual(speakers(text), ["Ines Halloran"])

    def test_role_before_a_name_shows_a_person(self):
        text = ('To economics professor Ilse Marrow, the vote looked like a retreat.\n\n'
                '"They blinked first," she said.')
        self.assertEqual(speakers(text), ["Ilse Marrow"])

    def test_person_named_in_passing_after_a_role_is_not_the_subject(self):
        text = ('Mayor Dana Holt has set up a review, led by former harbour chief Piet Sorn, '
                'to look at the accounts.\n\n"We owe the voters a clear answer," she said.')
        self.assertEqual(speakers(text), ["Dana Holt"])

    def test_role_appositive_running_into_who(self):
        text = ("Greta Lunde, a Kelby lawyer who advises the golf clubs of the north coast on "
                "their contracts and leases, has seen the trade double.")
        self.assertTrue(quotes._person_clue(text, len("Greta Lunde"), len(text)))

    def test_long_role_appositive_shows_a_person(self):
        text = ("Piet Sorn, a harbour pilot and the chair of the Kelby boatmen's union for "
                "the past decade, is a Kelby man.")
        self.assertTrue(quotes._person_clue(text, len("Piet Sorn"), len(text)))

    def test_preposition_opening_a_sentence_is_no_name(self):
        text = ('Once the ruling came, Kelby Mayor Tom Brandt (D) sought a delay. Like other '
                'mayors who charge tolls, Brandt argued the judges had read the law wrongly. '
                'Kelby does just what dozens of towns do, he told the judges.\n\n'
                '"The toll is fair and lawful," he wrote.')
        self.assertEqual(speakers(text), ["Tom Brandt"])

    def test_pronoun_before_a_name_in_the_predicate_points_further_back(self):
        text = ('"We will appeal," Tom Lind said.\n\nAt the hall, union chair Piet Sorn would not '
                'say who the three delegates were. The union drew 30 names, which he said were '
                'divided between Ivo Brandt and Lind.\n\n"The toll hits us first," he said.')
        self.assertEqual(speakers(text), ["Tom Lind", "Piet Sorn"])


class NewsGenre(unittest.TestCase):

    def test_dateline_reads_as_news(self):
        text = ('HARBOURTON, Maine \u2014 "We will not back down," Nella Pryce said.\n\n'
                '"Not now, not ever."\n\n"The toll is a fraud."\n\n'
                'Tomas Lind, 44, has fought the toll for years.\n\n"Drivers pay twice."')
        found = [q.speaker for q in extract(text)]
        self.assertEqual(found[-1], "Tomas Lind")

    def test_party_politics_reads_as_news(self):
        text = ('"We will not back down," Sen. Nella Pryce said.\n\n'
                '"Not now, not ever."\n\n'
                '"The Democrats have the votes."\n\n'
                'Tomas Lind, 44, a Republican, has fought the toll for years.\n\n'
                '"Drivers pay twice."')
        found = [q.speaker for q in extract(text)]
        self.assertEqual(found[-1], "Tomas Lind")


class AccordingTo(unittest.TestCase):

    def test_according_to_in_the_next_sentence_is_not_the_quote_before(self):
        text = ('"We lost by a hair," Tom Brandt said in a statement. "It was fair." '
                'According to Nella Pryce, the vote was close.')
        self.assertEqual(speakers(text), ["Tom Brandt", "Tom Brandt"])


    def test_other_ways_of_naming_a_source_before_its_words(self):
        text = ('The ferry, in the words of a senior adviser, was "the town\'s lifeline."\n\n'
                'As the Kelby Post put it, "The port is sinking."\n\n'
                'The port was, in Ana Lind\'s words, "a sinking ship."')
        self.assertEqual(speakers(text), ["a senior adviser", "Kelby Post", "Ana Lind"])

    def test_as_a_source_put_it_a_few_words_before_the_quote(self):
        text = ('Mayor Ivo Lind, who won office thanks to, as a Danish envoy put it, a '
                '"miracle of marketing" that Brandt ran, has left town.')
        self.assertEqual(speakers(text), ["a Danish envoy"])


class NamesThatAreWords(unittest.TestCase):

    def test_month_or_modal_before_a_speech_verb_is_a_name(self):
        text = ('Finance minister Ada May spoke to the assembly for an hour on the plans for the harbour.\n\n'
                '"We will pay on time," May said.\n\nMay says that the plan "will not change".')
        found = extract(NEWS_OPENING + text)
        self.assertEqual([(q.speaker, q.mention) for q in found], [("Ada May", "May")] * 2)


    def test_little_words_after_an_opening_word_are_no_part_of_a_name(self):
        self.assertEqual(quotes.name_forms("And for Varga"), [("Varga", None)])
        self.assertEqual(quotes.name_forms("But de Vries"), [("de Vries", None)])


class QuotedAsSaying(unittest.TestCase):

    def test_the_one_quoted_speaks_not_the_paper(self):
        text = ('The Kelby Post quoted a senior port official as saying, "We had no choice."\n\n'
                '"It was a hard week," the Post quoted Ana Ruiz as saying.\n\n'
                'The paper quoted a harbour pilot saying that the channel "is far too shallow".')
        self.assertEqual(speakers(text), ["a senior port official", "Ana Ruiz", "a harbour pilot"])


class NeverAPronoun(unittest.TestCase):
    """The speaker is a name or a description, never a pronoun or a stray letter."""

    def test_sentence_final_full_stop_after_an_acronym(self):
        text = '"The count will be done by Friday," according to WXT.'
        self.assertEqual(speakers(text), ["WXT"])

    def test_inverted_first_person_cue_is_no_name(self):
        text = '"We will win," said I.'
        self.assertNotIn(speakers(text)[0], ("I", "I."))


if __name__ == "__main__":
    unittest.main()
