// Stop words per language: the most frequent function words of each Snowball language, which
// would otherwise fill the index with postings that never help ranking. Folded at first use
// exactly as the analyzer folds text.
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "text/analyzer.h"

namespace sextant::text {
namespace {

// Space-separated, as written in each language; abridged from the Snowball stop word lists.
const std::map<std::string_view, std::string_view>& RawStopWords() {
  static const std::map<std::string_view, std::string_view> lists = {
      {"en",
       "a about above after again against all am an and any are as at be because been before "
       "being below between both but by can could did do does doing down during each few for "
       "from further had has have having he her here hers herself him himself his how i if in "
       "into is it its itself just me more most my myself no nor not now of off on once only or "
       "other ought our ours ourselves out over own same she should so some such than that the "
       "their theirs them themselves then there these they this those through to too under "
       "until up very was we were what when where which while who whom why will with would you "
       "your yours yourself yourselves"},
      {"de",
       "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer "
       "anderes auch auf aus bei bin bis bist da damit dann das dass dein deine dem den der des "
       "dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem "
       "einen einer eines er es etwas euch euer für hat hatte hier hin ich ihm ihn ihr ihre im "
       "in ist jede jedem jeden jeder jedes jetzt kann kein keine mein meine mich mir mit muss "
       "nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so solche "
       "soll um und uns unser unter viel vom von vor war waren was weil welche wenn wer wie "
       "wir wird wo zu zum zur zwar zwischen über"},
      {"fr",
       "au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais "
       "me même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur "
       "ta te tes toi ton tu un une vos votre vous c d j l à m n s t y été était être avoir "
       "est sont ont"},
      {"es",
       "de la que el en y a los del se las por un para con no una su al lo como más pero sus "
       "le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde "
       "quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí "
       "antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos "
       "cual poco ella estar estas algunas algo nosotros es son fue ha"},
      {"it",
       "ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl dalla "
       "dalle di del dello dei degli dell degl della delle in nel nello nei negli nell negl "
       "nella nelle su sul sullo sui sugli sull sugl sulla sulle per tra contro io tu lui lei "
       "noi voi loro mio mia miei mie tuo tua tuoi tue suo sua suoi sue il lo la i gli le un "
       "uno una ma ed se perché anche come dov dove che chi cui non più quale quanto quanti "
       "quanta quante quello quelli quella quelle questo questi questa queste si tutto tutti a "
       "c e o è sono era"},
      {"pt",
       "de a o que e do da em um para com não uma os no se na por mais as dos como mas ao ele "
       "das à seu sua ou quando muito nos já eu também só pelo pela até isso ela entre depois "
       "sem mesmo aos seus quem nas me esse eles você essa num nem suas meu às minha numa pelos "
       "elas qual nós lhe deles essas esses pelas este dele tu te vocês vos lhes meus minhas "
       "teu tua teus tuas nosso nossa nossos nossas dela delas esta estes estas aquele aquela "
       "aqueles aquelas isto aquilo é foi são"},
      {"nl",
       "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar "
       "om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar "
       "haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden "
       "toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier "
       "wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand "
       "geweest andere"},
      {"ru",
       "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только "
       "ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни "
       "быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут "
       "где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под "
       "будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой "
       "тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть "
       "после над больше тот через эти нас про всего них какая много разве три эту моя "
       "впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда "
       "конечно всю между"},
  };
  return lists;
}

using StopSets = std::map<std::string, std::set<std::string, std::less<>>, std::less<>>;

StopSets BuildStopSets() {
  StopSets sets;
  for (const auto& [lang, words] : RawStopWords()) {
    auto& set = sets[std::string(lang)];
    std::istringstream in{std::string(words)};
    for (std::string w; in >> w;) set.insert(FoldWord(w));
  }
  return sets;
}

}  // namespace

bool IsStopWord(std::string_view folded, std::string_view lang) {
  static const StopSets sets = BuildStopSets();
  const auto it = sets.find(lang);
  return it != sets.end() && it->second.count(folded) > 0;
}

}  // namespace sextant::text
